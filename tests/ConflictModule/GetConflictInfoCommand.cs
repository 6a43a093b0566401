using System.IO;
using System.Management.Automation;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace ConflictModule;

/// <summary>Uses System.Text.Json and System.Net.ServerSentEvents and says which copies it got.</summary>
[Cmdlet(VerbsCommon.Get, "ConflictInfo")]
public sealed class GetConflictInfoCommand : PSCmdlet
{
    protected override void ProcessRecord()
    {
        var json = JsonSerializer.Serialize(new { ok = true });
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("data: hello\n\n"));
        string? data = null;
        foreach (var item in SseParser.Create(stream).Enumerate()) data = item.Data;
        var result = new PSObject();
        result.Properties.Add(new PSNoteProperty("Json", json));
        result.Properties.Add(new PSNoteProperty("Sse", data));
        result.Properties.Add(new PSNoteProperty("JsonAssembly", typeof(JsonSerializer).Assembly.FullName));
        result.Properties.Add(new PSNoteProperty("SseAssembly", typeof(SseParser).Assembly.FullName));
        WriteObject(result);
    }
}
