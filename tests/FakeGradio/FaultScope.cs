using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// The faults one request is under: the server's own (<see cref="FakeGradioOptions.Faults"/>)
/// plus the one its URL names. "/fault/{name}/" and "/fault/{name}/{n}/" are the whole app again,
/// mounted there with that fault ({name} in kebab or Pascal case: stalled-download,
/// StalledDownload), so one server offers every fault side by side and a test picks one by URL.
/// {n} overrides the fault's size or count (<see cref="Size"/>, <see cref="Count"/>).
/// </summary>
internal sealed class FaultScope(FakeFaults faults, long? argument, string key)
{
    private const string Root = "/fault/";
    private static readonly object ItemKey = new();

    public FakeFaults Faults { get; } = faults;

    /// <summary>Tells scopes apart for per-scope state (a rate limit's counters): the path base that selected it.</summary>
    public string Key { get; } = key;

    public bool Has(FakeFaults fault) => (Faults & fault) != 0;

    /// <summary>The size the fault works with: the URL's {n}, else --fault-size, else the fault's default.</summary>
    public long Size(FakeGradioOptions options, long fallback) => argument ?? options.FaultSize ?? fallback;

    /// <summary>The count the fault works with: the URL's {n}, else --fault-count.</summary>
    public int Count(FakeGradioOptions options) => (int)Math.Min(argument ?? options.FaultCount, int.MaxValue);

    public static FaultScope Of(HttpContext ctx) => (FaultScope)ctx.Items[ItemKey]!;

    /// <summary>Middleware: moves a /fault/... prefix into PathBase, so the app's own URLs keep it, and records the scope.</summary>
    public static Task SelectAsync(HttpContext ctx, RequestDelegate next, FakeGradioOptions options)
    {
        var path = ctx.Request.Path.Value ?? "";
        var faults = options.Faults;
        long? argument = null;
        if (path.StartsWith(Root, StringComparison.Ordinal))
        {
            var parts = path[Root.Length..].Split('/');
            if (!TryParse(parts[0], out var fault))
                return Http.Detail(ctx, StatusCodes.Status404NotFound, $"Unknown fault '{parts[0]}'.");
            var consumed = Root + parts[0];
            if (parts.Length > 1 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                argument = n;
                consumed += "/" + parts[1];
            }
            faults |= fault;
            ctx.Request.PathBase = ctx.Request.PathBase.Add(consumed);
            ctx.Request.Path = path[consumed.Length..] is { Length: > 0 } rest ? rest : "/";
        }
        ctx.Items[ItemKey] = new FaultScope(faults, argument, ctx.Request.PathBase.Value ?? "");
        return next(ctx);
    }

    /// <summary>A fault name as --faults and URLs spell it: "stalled-download", "StalledDownload", or several joined by commas.</summary>
    public static bool TryParse(string text, out FakeFaults fault)
    {
        fault = FakeFaults.None;
        var name = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        // Enum.TryParse also takes numbers, which would name any combination of flags.
        return Array.TrueForAll(name.Split(','), part => part.Trim() is { Length: > 0 } p && char.IsLetter(p[0]))
            && Enum.TryParse(name, ignoreCase: true, out fault) && fault != FakeFaults.None;
    }
}
