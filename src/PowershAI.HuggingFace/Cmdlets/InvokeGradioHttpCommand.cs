using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PowershAI.HuggingFace.Core;
using PowershAI.HuggingFace.Core.Files;
using PowershAI.HuggingFace.Core.Gradio;
using PowershAI.HuggingFace.Infrastructure;

namespace PowershAI.HuggingFace.Cmdlets;

/// <summary>
/// Invoke-GradioHttp (alias InvokeGradioApi): any HTTP request to a Gradio app, through the
/// same connection, login and error handling as the other cmdlets. JSON answers come back as
/// objects; with -StreamCallback each line of the answer is handed to a script block as it arrives.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "GradioHttp")]
[Alias("InvokeGradioApi")]
[OutputType(typeof(PSObject))]
public sealed class InvokeGradioHttpCommand : GradioCmdlet
{
    [Parameter(Position = 0, Mandatory = true, ValueFromPipeline = true)]
    public string Url { get; set; } = "";

    [Parameter(Position = 1)]
    [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", IgnoreCase = true)]
    public string Method { get; set; } = "GET";

    /// <summary>GET: a hashtable of query parameters. Otherwise the JSON body, or the form fields (FileInfo values are sent as files).</summary>
    [Parameter(Position = 2)]
    [AllowNull]
    public object? Data { get; set; }

    /// <summary>application/json (default), or form / multipart/form-data, or application/x-www-form-urlencoded.</summary>
    [Parameter(Position = 3)]
    public string ContentType { get; set; } = "application/json";

    /// <summary>Called with @{ line = <text> } for each line of the answer as it arrives (for event streams).</summary>
    [Parameter(Position = 4)]
    public ScriptBlock? StreamCallback { get; set; }

    /// <summary>A bearer token sent with this request only.</summary>
    [Parameter(Position = 5)]
    [SecureStringTransformation]
    public SecureString? Token { get; set; }

    protected override object? ErrorTarget => Url;

    protected override void Process()
    {
        var url = WithQuery();
        var options = Options(Token);
        var client = new GradioClient(ClientState.Current.Connections.ForUrl(url, options.Credential, options.Settings), options);
        Await(ct => client.EnsureLoginAsync(ct));
        var (status, headers, text) = Await(ct => SendAsync(client, url, ct));
        if (StreamCallback != null)
        {
            var result = new PSObject();
            result.Properties.Add(new PSNoteProperty("status", status));
            result.Properties.Add(new PSNoteProperty("headers", headers));
            result.Properties.Add(new PSNoteProperty("text", text));
            WriteObject(result);
            return;
        }
        WriteObject(LooksLikeJson(text) ? PSJson.ToPS(GradioClient.ParseJsonText(text, "Reading the answer", url)) : text, enumerateCollection: false);
    }

    async Task<(int, Hashtable, string)> SendAsync(GradioClient client, Uri url, CancellationToken ct)
    {
        using var response = await client.SendAsync(() => new HttpRequestMessage(new HttpMethod(Method.ToUpperInvariant()), url) { Content = Body() },
            $"{Method.ToUpperInvariant()} {url}", ct).ConfigureAwait(false);
        var headers = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var h in response.Headers.Concat(response.Content.Headers)) headers[h.Key] = string.Join(", ", h.Value);
        var text = new StringBuilder();
        using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), Encoding.UTF8))
        {
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) != null)
            {
                ct.ThrowIfCancellationRequested();
                text.Append(line).Append('\n');
                var current = line;
                if (StreamCallback != null) Post(() => StreamCallback.Invoke(new Hashtable { ["line"] = current }));
            }
        }
        return ((int)response.StatusCode, headers, text.ToString().TrimEnd('\n'));
    }

    Uri WithQuery()
    {
        var url = new Uri(Url.Contains("://") ? Url : "http://" + Url);
        if (!IsGet || PSJson.FromPS(Data) is not IDictionary query || query.Count == 0) return url;
        var pairs = query.Keys.Cast<object>().Select(k => Uri.EscapeDataString(k.ToString()!) + "=" + Uri.EscapeDataString(Text(query[k])));
        var b = new UriBuilder(url);
        b.Query = (b.Query.TrimStart('?') is { Length: > 0 } existing ? existing + "&" : "") + string.Join("&", pairs);
        return b.Uri;
    }

    bool IsGet => Method.Equals("GET", StringComparison.OrdinalIgnoreCase) || Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase);

    HttpContent? Body()
    {
        if (IsGet || Data == null) return null;
        var data = PSJson.FromPS(Data);
        var type = ContentType.Trim().ToLowerInvariant();
        if (type is "form" or "multipart/form-data") return Multipart(data as IDictionary ?? throw Invalid("form data must be a hashtable"));
        if (type == "application/x-www-form-urlencoded")
        {
            var fields = data as IDictionary ?? throw Invalid("form data must be a hashtable");
            return new FormUrlEncodedContent(fields.Keys.Cast<object>().Select(k => new KeyValuePair<string, string>(k.ToString()!, Text(fields[k]))));
        }
        var body = data is string s ? s : ArgumentConverter.ToJson(data)?.ToJsonString() ?? "null";
        return new StringContent(body, Encoding.UTF8, type);
    }

    static HttpContent Multipart(IDictionary fields)
    {
        var form = new MultipartFormDataContent();
        foreach (DictionaryEntry kv in fields)
        {
            var values = kv.Value is IList list ? list.Cast<object?>() : new[] { kv.Value };
            foreach (var v in values)
            {
                if (v is FileInfo f)
                {
                    var part = new StreamContent(f.OpenRead());
                    part.Headers.ContentType = new MediaTypeHeaderValue(MimeTypes.For(f.Name));
                    form.Add(part, kv.Key.ToString()!, f.Name);
                }
                else
                {
                    form.Add(new StringContent(Text(v)), kv.Key.ToString()!);
                }
            }
        }
        return form;
    }

    static string Text(object? v) => v switch
    {
        null => "",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    static bool LooksLikeJson(string text)
    {
        var t = text.TrimStart();
        return t.StartsWith("{", StringComparison.Ordinal) || t.StartsWith("[", StringComparison.Ordinal);
    }

    static GradioException Invalid(string why) => new(GradioErrorKind.InvalidArguments, why);
}
