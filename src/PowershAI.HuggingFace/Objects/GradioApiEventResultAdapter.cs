using System;
using System.Collections.ObjectModel;
using System.Management.Automation;

namespace PowershAI.HuggingFace.Objects;

/// <summary>
/// How PowerShell sees a <see cref="GradioApiEventResult"/> (registered as its type adapter by
/// Infrastructure/FormatData.cs): the same properties as the .NET type, and PowershAI's
/// "PowershaiType:GradioApiEventResult" type name from the adapter rather than from each object.
/// A stream writes results by the hundred thousand, and a type name added to an object is kept
/// in PowerShell's process-wide weak table, which cost each result more than the rest of its
/// reading (bench/README.md, "stream").
/// </summary>
public sealed class GradioApiEventResultAdapter : PSPropertyAdapter
{
    static readonly string[] Names = { nameof(GradioApiEventResult.Num), nameof(GradioApiEventResult.Ts), nameof(GradioApiEventResult.Event), nameof(GradioApiEventResult.Data), nameof(GradioApiEventResult.Pipeline) };

    // One list for every result, as HubItem's kinds share theirs: PowerShell copies it before a change to one object's names.
    static readonly Collection<string> TypeNames = new() { typeof(GradioApiEventResult).FullName!, PowershaiTypeName.Prefix + nameof(GradioApiEventResult), typeof(object).FullName! };

    public override Collection<string> GetTypeNameHierarchy(object baseObject) => TypeNames;

    public override Collection<PSAdaptedProperty> GetProperties(object baseObject)
    {
        var properties = new Collection<PSAdaptedProperty>();
        foreach (var name in Names) properties.Add(new PSAdaptedProperty(name, null));
        return properties;
    }

    public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName)
    {
        foreach (var name in Names)
            if (string.Equals(name, propertyName, StringComparison.OrdinalIgnoreCase)) return new PSAdaptedProperty(name, null);
        return null;
    }

    public override bool IsGettable(PSAdaptedProperty adaptedProperty) => true;

    public override bool IsSettable(PSAdaptedProperty adaptedProperty) => adaptedProperty.Name == nameof(GradioApiEventResult.Pipeline);

    public override object? GetPropertyValue(PSAdaptedProperty adaptedProperty)
    {
        var result = (GradioApiEventResult)adaptedProperty.BaseObject;
        return adaptedProperty.Name switch
        {
            nameof(GradioApiEventResult.Num) => result.Num,
            nameof(GradioApiEventResult.Ts) => result.Ts,
            nameof(GradioApiEventResult.Event) => result.Event,
            nameof(GradioApiEventResult.Data) => result.Data,
            _ => result.Pipeline,
        };
    }

    // PowerShell calls this whatever IsSettable says: the others fail as the .NET adapter fails them.
    public override void SetPropertyValue(PSAdaptedProperty adaptedProperty, object value)
    {
        if (!IsSettable(adaptedProperty)) throw new SetValueException($"'{adaptedProperty.Name}' is a ReadOnly property.");
        ((GradioApiEventResult)adaptedProperty.BaseObject).Pipeline = LanguagePrimitives.ConvertTo<object[]?>(value);
    }

    // As PowerShell's .NET adapter writes them in Get-Member.
    public override string GetPropertyTypeName(PSAdaptedProperty adaptedProperty) => adaptedProperty.Name switch
    {
        nameof(GradioApiEventResult.Num) => "int",
        nameof(GradioApiEventResult.Ts) => "datetime",
        nameof(GradioApiEventResult.Event) => "string",
        nameof(GradioApiEventResult.Data) => "System.Object",
        _ => "System.Object[]",
    };
}
