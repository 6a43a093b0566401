using System.Management.Automation;

namespace PowershAI.HuggingFace.Objects;

/// <summary>
/// PowershAI's "PowershaiType:&lt;Name&gt;" type names on this module's .NET objects, for scripts that
/// test <c>$x.PSTypeNames -contains 'PowershaiType:GradioSession'</c>. PowerShell keeps type names
/// added to one wrapper of an object for every later wrapper of it, so tagging once at
/// construction is enough. The name goes after the .NET type name, which still picks the view.
/// Stream results, made by the hundred thousand, get theirs from their type adapter instead
/// (<see cref="GradioApiEventResultAdapter"/>).
/// </summary>
static class PowershaiTypeName
{
    public const string Prefix = "PowershaiType:";

    public static void Tag(object target, string name) => PSObject.AsPSObject(target).TypeNames.Insert(1, Prefix + name);
}
