using System.Management.Automation;
using System.Net;
using System.Security;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Lets a token parameter take a plain string too (PowershAI scripts pass strings); it is held as SecureString from then on.</summary>
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        Secrets.ToSecure(inputData) ?? inputData;
}

static class Secrets
{
    /// <summary>A token value as a SecureString: a SecureString as is, a string (or anything else) by its text.</summary>
    public static SecureString? ToSecure(object? value) => (value is PSObject ps ? ps.BaseObject : value) switch
    {
        null => null,
        SecureString secure => secure,
        var other => new NetworkCredential("", other.ToString()).SecurePassword,
    };

    /// <summary>The plain text, only at the moment a header is built.</summary>
    public static string? Reveal(SecureString? secret) => secret == null ? null : new NetworkCredential("", secret).Password;
}
