using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowershAI.HuggingFace.FakeGradio;

/// <summary>
/// Serialises JSON the way the genuine server's libraries do, which System.Text.Json cannot:
/// orjson/FastAPI (compact, raw UTF-8) for most routes, Python's json.dumps (", " and ": ",
/// ASCII-only) for /call streams, and Python float repr ("2.0", not "2") everywhere.
/// </summary>
internal static class PyJson
{
    public static string Compact(JsonNode? node) => Write(node, python: false);

    public static string Dumps(JsonNode? node) => Write(node, python: true);

    /// <summary>Python's repr() of a str, as 4.x shows gr.Error messages ("'custom message'").</summary>
    public static string Repr(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote) sb.Append('\\').Append(c);
                    else if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>Python repr of a float: shortest round trip, always with a fraction or exponent.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E');
        if (e >= 0)
        {
            var exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return r[..e] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        return r.Contains('.') ? r : r + ".0";
    }

    private static string Write(JsonNode? node, bool python)
    {
        var sb = new StringBuilder();
        Write(sb, node, python);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, JsonNode? node, bool python)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                sb.Append('{');
                var firstKey = true;
                foreach (var (key, value) in obj)
                {
                    if (!firstKey) sb.Append(python ? ", " : ",");
                    firstKey = false;
                    WriteString(sb, key, python);
                    sb.Append(python ? ": " : ":");
                    Write(sb, value, python);
                }
                sb.Append('}');
                break;
            case JsonArray arr:
                sb.Append('[');
                for (var i = 0; i < arr.Count; i++)
                {
                    if (i > 0) sb.Append(python ? ", " : ",");
                    Write(sb, arr[i], python);
                }
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value, python);
                break;
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value, bool python)
    {
        switch (value.GetValue<object>())
        {
            case JsonElement { ValueKind: JsonValueKind.String } e: WriteString(sb, e.GetString()!, python); break;
            case JsonElement e: sb.Append(e.GetRawText()); break; // numbers keep their text, as Python re-emits them
            case string s: WriteString(sb, s, python); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(Float(d)); break;
            case float f: sb.Append(Float(f)); break;
            case IFormattable n: sb.Append(n.ToString(null, CultureInfo.InvariantCulture)); break;
            default: sb.Append(value.ToJsonString()); break;
        }
    }

    private static void WriteString(StringBuilder sb, string s, bool asciiOnly)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || (asciiOnly && c > 0x7f))
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
