using System;
using System.Management.Automation;
using PowershAI.HuggingFace.Core.Files;

namespace PowershAI.HuggingFace.Infrastructure;

/// <summary>ProgressRecords for transfers and queue waits, and the Completed record that ends each.</summary>
static class Progress
{
    public static ProgressRecord Transfer(int id, string activity, TransferProgress p)
    {
        var status = p.Total is long total && total > 0
            ? $"{p.Name}: {Size(p.Done)} of {Size(total)}"
            : $"{p.Name}: {Size(p.Done)}";
        var record = new ProgressRecord(id, activity, status);
        if (p.Total is long t && t > 0) record.PercentComplete = (int)Math.Min(100, p.Done * 100 / t);
        return record;
    }

    public static ProgressRecord Completed(int id, string activity) =>
        new(id, activity, "Done") { RecordType = ProgressRecordType.Completed };

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0") + " KB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.0") + " MB",
    };
}
