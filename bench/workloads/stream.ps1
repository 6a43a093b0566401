<#
.SYNOPSIS
    Workload "stream": a 100,000-event generator call (the fake Gradio server's "stream" app,
    /count, which yields with no delay) consumed to the end by each client. Metric: events/s
    (events asked / seconds from submit to the last event), and the client process's peak memory.
.DESCRIPTION
    Dot-source and call Measure-StreamWorkload -Context @{...} (bench/compare.ps1 does), or run
    this file: dotnet pwsh ./bench/workloads/stream.ps1 [-Count 100000] [-Rounds 3] [-Clients module,js]
    (Context.Quick without Count: 2,000 events.)
    Each client runs in its own long-lived process: one untimed warm-up call of 1,000 events,
    then 1 + Rounds timed calls; its peak working set covers them all. Two rows per client:
    "events/s, first round" is the first full-size call (the process still compiling its hot
    code: .NET's tiered JIT and PowerShell's engine, V8's tiers for js), "events/s" the median
    of the Rounds after it (the steady state of a long-lived process).
    - module: Send-GradioApi $url count ... -Protocol Queue | Update-GradioApiResult | ForEach-Object { $n++ }
    - module (Call): the same with -Protocol Call
    - module function: a generated function on a session | ForEach-Object { $n++ } (queue)
    - module function (Call): the same with -Protocol Call
    - curl: POST /call then the GET stream to /dev/null (the raw floor; curl's own clock, no parsing)
    - curl (queue): POST queue/join then the session's queue/data stream to /dev/null: the fake
      server's own ceiling on the queue protocol, which the queue rows of the clients share
    - js: @gradio/client's submit() iterated (bench/clients/stream_js.mjs; queue protocol)
    - python: gradio_client's submit().result() (bench/clients/stream_python.py; queue protocol)
    Context keys read: ModulePath, FakeGradioPath, Rounds, Count, NodeClientDir (a folder whose
    node_modules holds @gradio/client 2.7.0), PythonExe, Clients, StreamGradioUrl (a running
    "stream" app; else one is started from FakeGradioPath and stopped at the end).
#>

Import-Module (Join-Path $PSScriptRoot '../lib/Bench.psm1')

function Measure-StreamWorkload {
    param([Parameter(Mandatory)] [hashtable] $Context)
    $repo = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $count = if ($Context['Count']) { [int]$Context['Count'] } elseif ($Context.Quick) { 2000 } else { 100000 }
    $rounds = if ($Context.Rounds) { [int]$Context.Rounds } else { 3 }
    $clients = if ($Context.Clients) { @($Context.Clients) } else { @('module', 'module (Call)', 'module function', 'module function (Call)', 'curl', 'curl (queue)', 'js', 'python') }
    $budget = [Math]::Max(120, [int](($rounds + 1) * $count / 2000) + 60)
    $timed = $rounds + 1   # the first full-size round is reported on its own
    $server = $null
    $url = $Context.StreamGradioUrl
    if (-not $url) {
        Import-Module (Join-Path $repo 'tests/pester/RealGradio.psm1') -Scope Local
        if ($Context.FakeGradioPath) { $env:POWERSHAI_FAKEGRADIO_PATH = $Context.FakeGradioPath }
        $server = Start-FakeGradio -Profile v5 -App stream
        $url = $server.Url
    }
    $moduleChild = @'
param($Manifest, $Url, $Mode, $Protocol, $Count, $Rounds)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
if ($Mode -eq 'function') {
    $null = New-GradioSession $Url -Name bench
    $null = New-GradioSessionApiProxyFunction -Session bench -Prefix Bench
    $run = { param($n) $script:seen = 0; BenchCount -Events $n -Protocol $Protocol | ForEach-Object { $script:seen++ } }
} else {
    $run = { param($n) $script:seen = 0; Send-GradioApi $Url count @($n) -Protocol $Protocol | Update-GradioApiResult | ForEach-Object { $script:seen++ } }
}
& $run 1000
$times = @(); $seen = @()
foreach ($i in 1..$Rounds) {
    [GC]::Collect()
    $sw = [Diagnostics.Stopwatch]::StartNew()
    & $run ([int]$Count)
    $times += $sw.Elapsed.TotalMilliseconds
    $seen += $script:seen
}
@{ times_ms = $times; events = $seen; peak_mb = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
'@
    $curlChild = @'
url=$1; n=$2; rounds=$3
for i in $(seq 1 "$rounds"); do
  id=$(curl -s --max-time 30 -X POST "${url}gradio_api/call/count" -H 'content-type: application/json' -d "{\"data\":[$n]}" | sed 's/.*"event_id": *"\([^"]*\)".*/\1/')
  t=$(curl -s --max-time 600 -o /dev/null -w '%{time_total}' "${url}gradio_api/call/count/$id")
  echo "$t"
done
'@
    $curlQueueChild = @'
url=$1; n=$2; rounds=$3
for i in $(seq 1 "$rounds"); do
  hash="bench$$x$i"
  curl -s --max-time 30 -X POST "${url}gradio_api/queue/join" -H 'content-type: application/json' -d "{\"data\":[$n],\"fn_index\":0,\"session_hash\":\"$hash\"}" > /dev/null
  t=$(curl -s --max-time 600 -o /dev/null -w '%{time_total}' "${url}gradio_api/queue/data?session_hash=$hash")
  echo "$t"
done
'@
    try {
        foreach ($client in $clients) {
            Write-Host "stream: $client, 1 + $rounds x $count events ..."
            try {
                $r = switch ($client) {
                    'module' { Invoke-JsonChild pwsh -Script $moduleChild -ArgumentList $Context.ModulePath, $url, update, Queue, $count, $timed -TimeoutSec $budget -WorkingDirectory $repo }
                    'module (Call)' { Invoke-JsonChild pwsh -Script $moduleChild -ArgumentList $Context.ModulePath, $url, update, Call, $count, $timed -TimeoutSec $budget -WorkingDirectory $repo }
                    'module function' { Invoke-JsonChild pwsh -Script $moduleChild -ArgumentList $Context.ModulePath, $url, function, Queue, $count, $timed -TimeoutSec $budget -WorkingDirectory $repo }
                    'module function (Call)' { Invoke-JsonChild pwsh -Script $moduleChild -ArgumentList $Context.ModulePath, $url, function, Call, $count, $timed -TimeoutSec $budget -WorkingDirectory $repo }
                    { $_ -in 'curl', 'curl (queue)' } {
                        $script = Join-Path ([IO.Path]::GetTempPath()) "bench-curl-$PID.sh"
                        Set-Content $script $(if ($client -eq 'curl') { $curlChild } else { $curlQueueChild })
                        $out = & bash $script $url $count $timed
                        Remove-Item $script
                        [pscustomobject]@{ times_ms = @($out | ForEach-Object { [double]$_ * 1000 }); events = @(); peak_mb = $null }
                    }
                    'js' {
                        $index = if ($Context.NodeClientDir) { Join-Path $Context.NodeClientDir 'node_modules/@gradio/client/dist/index.js' }
                        if (-not ($index -and (Test-Path $index))) { throw 'no NodeClientDir with @gradio/client' }
                        Invoke-JsonChild node -ArgumentList (Join-Path $repo 'bench/clients/stream_js.mjs'), $url, $count, $timed -Environment @{ GRADIO_CLIENT_MODULE = $index } -TimeoutSec $budget
                    }
                    'python' {
                        if (-not ($Context.PythonExe -and (Test-Path $Context.PythonExe))) { throw 'no gradio_client interpreter (PythonExe)' }
                        Invoke-JsonChild $Context.PythonExe -ArgumentList (Join-Path $repo 'bench/clients/stream_python.py'), $url, $count, $timed -TimeoutSec $budget
                    }
                }
            } catch {
                # A row that says why, as the other workloads give.
                New-BenchResult 'stream' $client 'events/s' @() -Note "$_"
                continue
            }
            if (@($r.events).Count -and (@($r.events) | Where-Object { $_ -lt $count })) { Write-Warning "stream: $client saw $(@($r.events) -join ', ') events, fewer than $count" }
            $rates = @($r.times_ms | ForEach-Object { $count / ($_ / 1000) })
            New-BenchResult 'stream' $client 'events/s, first round' @($rates | Select-Object -First 1) $r.peak_mb
            New-BenchResult 'stream' $client 'events/s' @($rates | Select-Object -Skip 1) $r.peak_mb
        }
    } finally {
        if ($server) { Stop-RealGradio $server }
    }
}

if ($MyInvocation.InvocationName -ne '.') {
    $repoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $argsTable = @{ Count = 100000; Rounds = 3; ModulePath = (Join-Path $repoRoot 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1')
        NodeClientDir = $env:BENCH_NODE_CLIENT_DIR; PythonExe = '/opt/real-gradio-5.14.0/bin/gradio-python' }
    for ($i = 0; $i -lt $args.Count; $i += 2) { $argsTable[$args[$i].TrimStart('-')] = $args[$i + 1] }
    if ($argsTable.Clients -is [string]) { $argsTable.Clients = $argsTable.Clients -split ',' }
    $ErrorActionPreference = 'Stop'
    Measure-StreamWorkload -Context $argsTable | Format-Table -AutoSize
}
