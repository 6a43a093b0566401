using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PowershAI.HuggingFace.Core.Hub;

/// <summary>
/// A query string as the Hub reads it: keys may repeat (filter=a&amp;filter=b, expand[]=x), booleans
/// are true/false, numbers invariant, everything escaped. Null values are left out, so optional
/// cmdlet parameters can be added unconditionally.
/// </summary>
public sealed class HubQuery : IEnumerable<KeyValuePair<string, string>>
{
    readonly List<KeyValuePair<string, string>> _pairs = new();

    /// <summary>
    /// Adds <paramref name="value"/>: a list adds the key once per item, a bool adds true/false,
    /// numbers and dates are written invariantly, null adds nothing.
    /// </summary>
    public HubQuery Add(string key, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                _pairs.Add(new KeyValuePair<string, string>(key, text));
                break;
            case bool flag:
                _pairs.Add(new KeyValuePair<string, string>(key, flag ? "true" : "false"));
                break;
            case IEnumerable items:
                foreach (var item in items) Add(key, item);
                break;
            case IFormattable formattable:
                _pairs.Add(new KeyValuePair<string, string>(key, formattable.ToString(null, CultureInfo.InvariantCulture)));
                break;
            default:
                _pairs.Add(new KeyValuePair<string, string>(key, value.ToString() ?? ""));
                break;
        }
        return this;
    }

    public bool Contains(string key) => _pairs.Any(p => p.Key == key);

    public int Count => _pairs.Count;

    /// <summary>a=1&amp;b=2, without the leading '?'.</summary>
    public override string ToString() =>
        string.Join("&", _pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary><paramref name="url"/> with these parameters after any it already has.</summary>
    public Uri AppendTo(Uri url)
    {
        if (_pairs.Count == 0) return url;
        var text = url.GetLeftPart(UriPartial.Query);
        return new Uri(text + (url.Query.Length > 1 ? "&" : text.EndsWith("?", StringComparison.Ordinal) ? "" : "?") + ToString());
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
