# Short call: one call after the other, ms per call (the median call of each round), on genuine
# Gradio 5.14.0 (/add_numbers; its queue's 50 ms tick is the floor) and on the instant fake server
# (/predict; what is left is the client's own overhead). Each client runs in its own process
# (bench/clients), timed inside it; peak MB is that process's. Before the timed rounds each client
# makes one untimed call on genuine Gradio (the server's tick dominates there); on the instant
# fake it makes calls for 10 s in three stretches each followed by 300 ms idle, so the overhead
# measured is that of a process that has made calls before, not the JIT warm-up of its first
# thousand (bench/README.md). A call of the js, python or curl client that has no answer in 30 s
# counts as failed (the row's note): @gradio/client 2.7.0 now and then never sees the answer to
# one of thousands of calls on the instant fake (bench/README.md) and would otherwise wait 10 min.

function Measure-ShortCallWorkload {
    param([hashtable] $Context)
    $count = if ($Context['Count']) { $Context['Count'] } elseif ($Context.Quick) { 5 } else { 30 }
    $warm = if ($Context.Quick) { '1' } else { '10s' }
    $targets = @(
        @{ Name = 'short call, genuine Gradio 5.14.0'; Url = $Context.RealGradioUrl; Api = 'add_numbers'; Data = '[1.5, 2]'; Expect = '3.5'; Warmup = '1' }
        @{ Name = 'short call, instant fake (client overhead)'; Url = $Context.FakeGradioUrl; Api = 'predict'; Data = '[1, "add", 2]'; Expect = '3'; Warmup = $warm }
    )
    foreach ($t in $targets | Where-Object Url) {
        foreach ($client in 'module', 'module (Call)', 'curl', 'js', 'python') {
            Write-Host "  $($t.Name): $client ..."
            $run = Invoke-CallsClient -Client $client -Context $Context -Url $t.Url -Api $t.Api -DataJson $t.Data -Count $count -InFlight 1 -Warmup $t.Warmup -CallTimeoutSec 30
            if ($run.Note) { New-BenchResult $t.Name $client 'ms per call' @() -Note $run.Note; continue }
            New-BenchResult $t.Name $client 'ms per call' @($run.Json.rounds | ForEach-Object call_ms_median) $run.PeakMB -Note (Get-ErrorNote $run $t.Expect)
        }
    }
}
