using System;

namespace PowershAI.HuggingFace;

/// <summary>Marks a function written by New-GradioSessionApiProxyFunction, with the session and endpoint it calls.</summary>
[AttributeUsage(AttributeTargets.All)]
public sealed class GradioGeneratedFunctionAttribute : Attribute
{
    public GradioGeneratedFunctionAttribute(string sessionId, string apiName)
    {
        SessionId = sessionId;
        ApiName = apiName;
    }

    public string SessionId { get; }

    public string ApiName { get; }
}
