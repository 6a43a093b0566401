using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>One part of a multipart LFS upload: its number, the storage URL it is PUT to, and which bytes of the file it holds.</summary>
public sealed class LfsPart
{
    public LfsPart(int number, Uri url, long offset, long length)
    {
        Number = number;
        Url = url;
        Offset = offset;
        Length = length;
    }

    public int Number { get; }
    public Uri Url { get; }
    public long Offset { get; }
    public long Length { get; }
}

/// <summary>
/// Reads a multipart upload action (docs/hub-api.md §1.10): header.chunk_size (a number or its text)
/// and one URL per part under its number ("00001" or "1"); other keys are ignored.
/// </summary>
public static class LfsMultipart
{
    /// <summary>Whether the upload action's header asks for parts.</summary>
    public static bool IsMultipart(JsonObject? header) => header?["chunk_size"] != null;

    /// <summary>The parts in order, each with its slice of a file of <paramref name="size"/> bytes; a plan that does not cover the file exactly is refused.</summary>
    public static IReadOnlyList<LfsPart> Plan(JsonObject header, long size, string what)
    {
        var chunk = header["chunk_size"] is JsonValue v && (v.TryGetValue<long>(out var n) || (v.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out n)))
            ? n : 0;
        if (chunk <= 0) throw Malformed(what, "its chunk_size is not a positive number");
        var urls = new SortedDictionary<int, Uri>();
        foreach (var pair in header)
        {
            if (pair.Key.Length == 0 || !pair.Key.All(c => c is >= '0' and <= '9')) continue;
            if (!int.TryParse(pair.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1
                || pair.Value is not JsonValue url || !url.TryGetValue<string>(out var href) || !Uri.TryCreate(href, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || urls.ContainsKey(number))
                throw Malformed(what, $"part {pair.Key} has no usable URL");
            urls[number] = uri;
        }
        var expected = (size + chunk - 1) / chunk;
        if (urls.Count != expected || (urls.Count > 0 && urls.Keys.Last() != urls.Count))
            throw Malformed(what, $"it lists {urls.Count} parts where {expected} of {chunk} bytes make up the file");
        return urls.Select(p => new LfsPart(p.Key, p.Value, (p.Key - 1) * chunk, Math.Min(chunk, size - (p.Key - 1) * chunk))).ToList();
    }

    static HubException Malformed(string what, string why) =>
        new(HubErrorKind.MalformedResponse, $"{what}: the Hub asked for a multipart upload, but {why}.");
}
