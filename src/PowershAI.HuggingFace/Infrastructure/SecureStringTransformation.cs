using System.Management.Automation;
using System.Net;
using System.Security;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Lets a token parameter take a plain string too (PowershAI scripts pass strings); it is held as SecureString from then on.</summary>
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        return value is string s ? new NetworkCredential("", s).SecurePassword : value;
    }
}

static class Secrets
{
    /// <summary>The plain text, only at the moment a header is built.</summary>
    public static string? Reveal(SecureString? secret) => secret == null ? null : new NetworkCredential("", secret).Password;
}
