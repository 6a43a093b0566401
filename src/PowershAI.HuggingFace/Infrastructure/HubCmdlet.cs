using System;
using System.Collections.Generic;
using System.Security;
using System.Text.Json.Nodes;
using PowershAI.HuggingFace.Core.Hub;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>Base of the Hub cmdlets: a client with the caller's token (or the discovered one), and lazy listings.</summary>
public abstract class HubCmdlet : AsyncCmdlet
{
    /// <summary>A client for this call: an explicit token wins, else the discovery order of TokenSource; anonymous on request.</summary>
    protected static HubClient Hub(SecureString? token = null, bool anonymous = false) =>
        new(new HubClientOptions { Token = TokenSource.Resolve(token, anonymous) });

    /// <summary>
    /// Writes the items of a listing as they come. A page is fetched only when the pipeline asks
    /// for more, so "| Select-Object -First 5" stops the fetching.
    /// </summary>
    protected void WriteEach(IAsyncEnumerable<JsonNode> items, Func<JsonNode, object?> view)
    {
        var e = items.GetAsyncEnumerator(CancelToken);
        try
        {
            while (Await(_ => e.MoveNextAsync().AsTask())) WriteObject(view(e.Current));
        }
        finally
        {
            e.DisposeAsync().AsTask().Wait();
        }
    }
}
