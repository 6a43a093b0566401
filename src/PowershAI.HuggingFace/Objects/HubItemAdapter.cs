using System.Collections.ObjectModel;
using System.Management.Automation;

namespace PowershAI.HuggingFace.Objects;

/// <summary>
/// Shows a <see cref="HubItem"/>'s fields as its properties and its kind's names as its type names
/// (registered for the runspace by Infrastructure/FormatData.cs). Property access, Select-Object,
/// Format views, ConvertTo-Json and Export-Clixml all go through it; members added with
/// Add-Member sit beside the fields as usual.
/// </summary>
public sealed class HubItemAdapter : PSPropertyAdapter
{
    public override Collection<string> GetTypeNameHierarchy(object baseObject) => ((HubItem)baseObject).TypeNames;

    public override Collection<PSAdaptedProperty> GetProperties(object baseObject)
    {
        var item = (HubItem)baseObject;
        var properties = new Collection<PSAdaptedProperty>();
        for (var i = 0; i < item.Count; i++) properties.Add(new PSAdaptedProperty(item.NameAt(i), i));
        return properties;
    }

    public override PSAdaptedProperty? GetProperty(object baseObject, string propertyName)
    {
        var item = (HubItem)baseObject;
        var i = item.IndexOf(propertyName);
        return i < 0 ? null : new PSAdaptedProperty(item.NameAt(i), i);
    }

    public override bool IsGettable(PSAdaptedProperty adaptedProperty) => true;

    public override bool IsSettable(PSAdaptedProperty adaptedProperty) => true;

    public override object? GetPropertyValue(PSAdaptedProperty adaptedProperty) => ((HubItem)adaptedProperty.BaseObject).ValueAt((int)adaptedProperty.Tag);

    public override void SetPropertyValue(PSAdaptedProperty adaptedProperty, object value) => ((HubItem)adaptedProperty.BaseObject).SetAt((int)adaptedProperty.Tag, value);

    public override string GetPropertyTypeName(PSAdaptedProperty adaptedProperty) => GetPropertyValue(adaptedProperty)?.GetType().FullName ?? typeof(object).FullName!;
}
