using System;
using System.Net;
using System.Security;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// A Space secret or variable to set: key, value and an optional description. A secret's value
/// stays in a SecureString; it is revealed only to build the request body, and recorded with the
/// module's secrets then, so a server answer that echoes it is shown masked. ToString never shows it.
/// </summary>
public sealed class SpaceSetting
{
    readonly SecureString? _secret;
    readonly string? _value;

    SpaceSetting(string key, string? value, SecureString? secret, string? description)
    {
        if (string.IsNullOrWhiteSpace(key))
            throw new HubException(HubErrorKind.InvalidArgument, "A Space secret or variable needs a name.");
        Key = key;
        _value = value;
        _secret = secret;
        Description = description;
    }

    public static SpaceSetting Variable(string key, string value, string? description = null) => new(key, value ?? "", null, description);

    /// <summary>A secret; the SecureString is copied (the caller may dispose its own).</summary>
    public static SpaceSetting Secret(string key, SecureString value, string? description = null)
    {
        var copy = value.Copy();
        copy.MakeReadOnly();
        return new SpaceSetting(key, null, copy, description);
    }

    public string Key { get; }
    public string? Description { get; }
    public bool IsSecret => _secret != null;

    /// <summary>{"key", "value", "description"?} as the Hub takes it.</summary>
    internal JsonObject ToJson()
    {
        var value = _value;
        if (_secret != null)
        {
            value = new NetworkCredential("", _secret).Password;
            ClientState.Current.Secrets.Add(value);
        }
        var json = new JsonObject { ["key"] = Key, ["value"] = value };
        if (Description != null) json["description"] = Description;
        return json;
    }

    public override string ToString() => IsSecret ? $"{Key}={Http.SecretRegistry.Mask}" : $"{Key}={_value}";
}
