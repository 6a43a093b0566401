using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Not Gradio: what the queue saw, for tests of clients that keep several calls in flight.
/// GET /fake/calls answers {active, peak, cancelled} (calls queued or running now, the most at
/// once, and the ones cancelled by the client); DELETE resets peak and cancelled.
/// </summary>
internal static class CallCountRoutes
{
    public static void Map(IEndpointRouteBuilder app, ServerContext server)
    {
        app.MapGet("/fake/calls", ctx => Http.Json(ctx, server.Queue.Counts()));
        app.MapDelete("/fake/calls", ctx =>
        {
            server.Queue.ResetCounts();
            return Http.Json(ctx, server.Queue.Counts());
        });
    }
}
