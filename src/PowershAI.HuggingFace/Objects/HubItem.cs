using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.Dynamic;
using System.Globalization;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;
using System.Text;

namespace PowershAI.HuggingFace.Objects;

/// <summary>
/// A Hub answer's object (model, dataset, Space, account): its fields in the order the Hub sent
/// them, and its kind's type names. PowerShell reads the fields as its properties through
/// <see cref="HubItemAdapter"/>, so building one is filling two arrays; a PSObject with a note
/// property per field cost PowerShell about 2 µs a field, most of a Hub listing's time
/// (bench/README.md). A runspace without the adapter (ForEach-Object -Parallel, a runspace of the
/// caller's) still reads and sets the fields by name ($_.id): PowerShell asks the object itself
/// (<see cref="IDynamicMetaObjectProvider"/>) before its own binder.
/// </summary>
public sealed class HubItem : IDynamicMetaObjectProvider
{
    string[] _names;
    object?[] _values;

    internal HubItem(Collection<string> typeNames, int capacity)
    {
        TypeNames = typeNames;
        _names = new string[capacity];
        _values = new object?[capacity];
    }

    /// <summary>Shared by every item of a kind; PowerShell copies it before a change to one item's names.</summary>
    internal Collection<string> TypeNames { get; }

    internal int Count { get; private set; }

    internal string NameAt(int index) => _names[index];

    internal object? ValueAt(int index) => _values[index];

    internal void SetAt(int index, object? value) => _values[index] = value;

    /// <summary>The field's index, names compared as PowerShell compares property names (case-insensitive); -1 when absent.</summary>
    internal int IndexOf(string name)
    {
        for (var i = 0; i < Count; i++)
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>Adds a field, or replaces the value of one of that name.</summary>
    internal void Set(string name, object? value)
    {
        var i = IndexOf(name);
        if (i >= 0) _values[i] = value;
        else Append(name, value);
    }

    /// <summary>Adds a field whose name the item does not have yet (a JSON object's keys are unique).</summary>
    internal void Append(string name, object? value)
    {
        if (Count == _names.Length)
        {
            Array.Resize(ref _names, Count * 2 + 2);
            Array.Resize(ref _values, _names.Length);
        }
        _names[Count] = name;
        _values[Count++] = value;
    }

    /// <summary>The text PowerShell gives a PSCustomObject ("@{id=...; likes=...}"), which these objects were before.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("@{");
        for (var i = 0; i < Count; i++)
        {
            if (i > 0) text.Append("; ");
            text.Append(_names[i]).Append('=').Append(Text(_values[i]));
        }
        return text.Append('}').ToString();
    }

    static string Text(object? value) => value switch
    {
        null => "",
        PSObject { BaseObject: PSCustomObject } => "",
        string s => s,
        IEnumerable e => e.GetType().FullName ?? "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    DynamicMetaObject IDynamicMetaObjectProvider.GetMetaObject(Expression parameter) => new Fields(parameter, this);

    /// <summary>$item.name and $item.name = value for a field the item has; anything else is PowerShell's binder's.</summary>
    sealed class Fields : DynamicMetaObject
    {
        static readonly MethodInfo IndexOfMethod = typeof(HubItem).GetMethod(nameof(IndexOf), BindingFlags.Instance | BindingFlags.NonPublic)!;
        static readonly MethodInfo ValueAtMethod = typeof(HubItem).GetMethod(nameof(ValueAt), BindingFlags.Instance | BindingFlags.NonPublic)!;
        static readonly MethodInfo SetAtMethod = typeof(HubItem).GetMethod(nameof(SetAt), BindingFlags.Instance | BindingFlags.NonPublic)!;

        public Fields(Expression expression, HubItem item) : base(expression, BindingRestrictions.Empty, item) { }

        public override DynamicMetaObject BindGetMember(GetMemberBinder binder) =>
            WhenField(binder.Name, binder.FallbackGetMember(this), (item, index) => Expression.Call(item, ValueAtMethod, index));

        public override DynamicMetaObject BindSetMember(SetMemberBinder binder, DynamicMetaObject value)
        {
            var boxed = Expression.Convert(value.Expression, typeof(object));
            return WhenField(binder.Name, binder.FallbackSetMember(this, value), (item, index) => Expression.Block(Expression.Call(item, SetAtMethod, index, boxed), boxed));
        }

        DynamicMetaObject WhenField(string name, DynamicMetaObject fallback, Func<Expression, Expression, Expression> field)
        {
            var item = Expression.Convert(Expression, typeof(HubItem));
            var index = Expression.Variable(typeof(int), "index");
            var body = Expression.Block(typeof(object), new[] { index },
                Expression.Assign(index, Expression.Call(item, IndexOfMethod, Expression.Constant(name))),
                Expression.Condition(Expression.GreaterThanOrEqual(index, Expression.Constant(0)),
                    field(item, index),
                    Expression.Convert(fallback.Expression, typeof(object))));
            return new DynamicMetaObject(body, BindingRestrictions.GetTypeRestriction(Expression, typeof(HubItem)).Merge(fallback.Restrictions));
        }
    }
}
