using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>
/// /spaces-host/{ns}/{name}/...: the emulator's stand-in for https://{subdomain}.hf.space. It is the
/// `host` of Spaces without a Gradio server, and for every Space it is where a wake request can go:
/// any request here starts a SLEEPING (or STOPPED) Space, which then reaches RUNNING over the next polls.
/// Until it runs, the paths of its app answer 503.
/// </summary>
internal static class SpaceHostRoutes
{
    public static async Task HandleAsync(HubCall call)
    {
        var s = call.Segments;
        var (repo, redirectTo) = call.Catalogue.Find(FakeRepoType.Space, s[1] + "/" + s[2]);
        if ((repo ?? (redirectTo is null ? null : call.Catalogue.Space(redirectTo))) is not FakeSpace space)
        {
            await Http.Write(call.Ctx, "<!doctype html><html><body><h1>404</h1><p>Sorry, we can't find the page you are looking for.</p></body></html>",
                StatusCodes.Status404NotFound, "text/html; charset=utf-8");
            return;
        }
        string stage;
        lock (call.Catalogue.Gate)
        {
            SpaceLifecycle.Wake(space);
            stage = space.Stage;
        }
        if (s.Length > 3 && stage is not ("RUNNING" or "RUNNING_BUILDING" or "RUNNING_APP_STARTING"))
        {
            // The app is not up: the Hub's proxy answers for it (hf.space serves a 503 page then).
            await Http.Write(call.Ctx, $"<!doctype html><html><body><p>{WebUtility.HtmlEncode(space.Id)} is {stage}</p></body></html>",
                StatusCodes.Status503ServiceUnavailable, "text/html; charset=utf-8");
            return;
        }
        if (s.Length > 3)
        {
            // Not a Gradio app: its API paths do not exist here (FastAPI's answer).
            await Http.Json(call.Ctx, new JsonObject { ["detail"] = "Not Found" }, StatusCodes.Status404NotFound);
            return;
        }
        var title = WebUtility.HtmlEncode(space.Id);
        await Http.Write(call.Ctx,
            $"<!doctype html><html><head><title>{title}</title></head><body><h1>{title}</h1><p>stage: {stage}</p></body></html>",
            StatusCodes.Status200OK, "text/html; charset=utf-8");
    }
}
