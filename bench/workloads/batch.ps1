# Batch: COUNT calls (400) with 8 in flight, calls/s per round, on the instant fake server
# (/predict: the client's own throughput) and on genuine Gradio 5.14.0 (/add_numbers, whose
# default concurrency_limit of 1 per event lets the server run one at a time). The module pipes
# 1..COUNT into a generated function with -ThrottleLimit 8 ('module') or into
# Invoke-GradioSessionApi -ThrottleLimit 8, on the queue as the function ('module (session)') or
# with -Protocol Call, two requests a call ('module (Call)'); js a pool of 8
# predict() promises; python 8 submit() jobs outstanding; curl xargs -P 8 of POST + GET. A call of
# those three with no answer in 30 s counts as failed (the row's note), as in short-call.ps1.

function Measure-BatchWorkload {
    param([hashtable] $Context)
    $count = if ($Context['Count']) { $Context['Count'] } elseif ($Context.Quick) { 16 } else { 400 }
    $inFlight = 8
    $targets = @(
        @{ Name = "$count calls, $inFlight in flight, instant fake"; Url = $Context.FakeGradioUrl; Api = 'predict'; Data = '[1, "add", 2]'; Expect = '3' }
        @{ Name = "$count calls, $inFlight in flight, genuine Gradio 5.14.0"; Url = $Context.RealGradioUrl; Api = 'add_numbers'; Data = '[1.5, 2]'; Expect = '3.5' }
    )
    foreach ($t in $targets | Where-Object Url) {
        foreach ($client in 'module', 'module (session)', 'module (Call)', 'curl', 'js', 'python') {
            Write-Host "  $($t.Name): $client ..."
            $run = Invoke-CallsClient -Client $client -Context $Context -Url $t.Url -Api $t.Api -DataJson $t.Data -Count $count -InFlight $inFlight -CallTimeoutSec 30
            if ($run.Note) { New-BenchResult $t.Name $client 'calls/s' @() -Note $run.Note; continue }
            $rates = @($run.Json.rounds | ForEach-Object { $count / $_.wall_ms * 1000 })
            New-BenchResult $t.Name $client 'calls/s' $rates $run.PeakMB -Note (Get-ErrorNote $run $t.Expect)
        }
    }
}
