using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PowershAI.HuggingFace.FakeHub;

/// <summary>File bodies with single-range support: 206 + Content-Range, 416 past the end (docs/hub-api.md §1.6 resume).</summary>
internal static class ByteRanges
{
    public static Task ServeAsync(HttpContext ctx, byte[] content, string contentType, CdnRangeMode mode = CdnRangeMode.Honour)
    {
        ctx.Response.Headers.AcceptRanges = "bytes";
        var header = ctx.Request.Headers.Range.ToString();
        if (header.Length == 0 || mode == CdnRangeMode.Ignore)
            return Http.Write(ctx, content, StatusCodes.Status200OK, contentType);

        var length = content.Length;
        var range = Parse(header, length);
        if (mode == CdnRangeMode.NotSatisfiable || range is { Start: < 0 })
        {
            ctx.Response.Headers.ContentRange = $"bytes */{length}";
            return Http.Error(ctx, StatusCodes.Status416RangeNotSatisfiable, $"Range not satisfiable: {header} (size {length})");
        }
        if (range is not { } r)
            return Http.Write(ctx, content, StatusCodes.Status200OK, contentType); // unparsable or several ranges: the whole file

        ctx.Response.Headers.ContentRange = $"bytes {r.Start}-{r.End}/{length}";
        return Http.Write(ctx, content.AsSpan(r.Start, r.End - r.Start + 1).ToArray(), StatusCodes.Status206PartialContent, contentType);
    }

    /// <summary>null = ignore the header; Start &lt; 0 = not satisfiable.</summary>
    private static (int Start, int End)? Parse(string header, int length)
    {
        if (!header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal)) return null;
        var parts = header["bytes=".Length..].Trim().Split('-', 2);
        if (parts.Length != 2) return null;
        static long? Number(string text) =>
            text.Length > 0 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var first = Number(parts[0]);
        var last = Number(parts[1]);
        if (first is null)
        {
            // bytes=-N: the last N bytes.
            if (last is not { } suffix) return null;
            return suffix == 0 || length == 0 ? (-1, -1) : ((int)Math.Max(0, length - suffix), length - 1);
        }
        if (first >= length) return (-1, -1);
        if (parts[1].Length > 0 && last is null) return null;
        var end = last is { } l ? Math.Min(l, length - 1) : length - 1;
        return end < first ? null : ((int)first.Value, (int)end);
    }

    public static string ContentType(string path)
    {
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".json" => "application/json; charset=utf-8",
            ".md" or ".txt" or ".csv" or ".py" or ".yaml" or ".yml" or ".gitattributes" or "" => "text/plain; charset=utf-8",
            ".html" => "text/html; charset=utf-8",
            _ => "application/octet-stream",
        };
    }
}
