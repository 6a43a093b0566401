<#
.SYNOPSIS
    Benchmark: per-call latency of this module against curl and the official Gradio clients,
    on the same genuine Gradio 5.14.0 apps in one run.
.DESCRIPTION
    Starts two genuine Gradio apps on 127.0.0.1 (../shared/real-gradio: endpoints-app.py and
    simple-app.py), then times, one client after the other, WARMUP + N sequential calls of
        short:  /add_numbers(1.5, 2) -> 3.5          (a plain function: one result)
        stream: /Op1("1")            -> ... Finished  (a generator: 3 results over about 1 s)
    with
        curl     the raw POST /gradio_api/call/<api> + GET of its event stream (the floor;
                 bench/clients/curl-call.sh, curl's own transfer times)
        module   Send-GradioApi | Update-GradioApiResult (Auto = the queue protocol), the same
                 with -Protocol Call, and a generated function on a session; in this process
        python   the official gradio_client (Client(url).predict), in one python process
                 (bench/clients/gradio_python.py)
        js       the official @gradio/client 2.7.0 (Client.connect once, predict in a loop), in
                 one node process (bench/clients/gradio_js.mjs); npm installs it into a temp
                 folder that is removed afterwards
    Each client is timed inside its own long-lived process, so process start-up is not in the
    per-call numbers. Setup costs (import, first /config + /info, session and function
    generation) and, with -ColdRuns, whole fresh processes doing one call are reported
    separately. A benchmark, not a test: it prints numbers and asserts nothing.
        dotnet pwsh ./build.ps1 build; dotnet pwsh ./bench/call-latency.ps1
.PARAMETER N
    Measured calls of the short endpoint per client (after the warm-up).
.PARAMETER StreamN
    Measured calls of the streaming endpoint per client (each takes about 1 s).
.PARAMETER ColdRuns
    How many fresh processes per client to time for "start a process, do one call" (0 skips it).
.PARAMETER ModulePath
    The module manifest to measure (default: the build in out/).
.PARAMETER JsClientModule
    An installed @gradio/client's dist/index.js, to skip the npm install.
#>
param(
    [int] $N = 30,
    [int] $StreamN = 10,
    [int] $Warmup = 3,
    [int] $ColdRuns = 3,
    [int] $TimeoutSec = 60,
    [string] $ModulePath,
    [string] $JsClientModule,
    [switch] $SkipPython,
    [switch] $SkipJs
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$repo = Split-Path $PSScriptRoot -Parent
$clients = Join-Path $PSScriptRoot 'clients'
if (-not $ModulePath) { $ModulePath = Join-Path $repo 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1' }
if (-not (Test-Path $ModulePath)) { throw "No module at $ModulePath; run: dotnet pwsh ./build.ps1 build" }
Import-Module (Join-Path $repo 'tests/pester/RealGradio.psm1')
Import-Module (Join-Path $PSScriptRoot 'lib/Bench.psm1')   # Get-Percentile, Invoke-Bounded
Set-Location $repo
$gradioVersion = '5.14.0'
$python = "/opt/real-gradio-$gradioVersion/bin/gradio-python"

#region helpers
function New-Row([string] $Workload, [string] $Client, [double[]] $Times, $Last, [string] $Note = '') {
    [pscustomobject]@{
        Workload = $Workload; Client = $Client; Calls = @($Times).Count
        Median = Get-Percentile $Times 50; P90 = Get-Percentile $Times 90
        Min = ($Times | Measure-Object -Minimum).Minimum; Last = "$Last"; Note = $Note
    }
}

function Measure-Ms([scriptblock] $Script) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $null = & $Script
    $watch.Elapsed.TotalMilliseconds
}

function Invoke-Curl([string] $Url, [string] $Api, [string] $Data, [int] $Count) {
    $budget = 30 + ($Warmup + $Count) * ($TimeoutSec + 1)
    $run = Invoke-Bounded bash @((Join-Path $clients 'curl-call.sh'), $Url, $Api, $Data, "$Count", "$Warmup", "$TimeoutSec") $budget
    if ($run.ExitCode -ne 0) { throw "curl-call.sh $Api failed ($($run.ExitCode)): $($run.Stderr)" }
    $lines = @($run.Stdout -split "`n" | Where-Object { $_ })
    [pscustomobject]@{
        Times = [double[]]@($lines | Where-Object { $_ -notmatch '^spawn ' } | ForEach-Object { [double]($_ -split ' ')[0] })
        Spawn = [double[]]@($lines | Where-Object { $_ -match '^spawn ' } | ForEach-Object { [double]($_ -split ' ')[1] })
        Last  = (($lines | Where-Object { $_ -notmatch '^spawn ' } | Select-Object -Last 1) -replace '^\S+ data: ', '')
    }
}

function Measure-ModuleCalls([int] $Count, [scriptblock] $Call) {
    # Times $Call $Warmup + $Count times in this process; returns the times and the last data.
    $times = [Collections.Generic.List[double]]::new()
    $last = $null
    foreach ($i in 1..($Warmup + $Count)) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $results = @(& $Call)
        $watch.Stop()
        if ($i -gt $Warmup) { $times.Add($watch.Elapsed.TotalMilliseconds) }
        $last = if ($results) { ($results[-1].data | ConvertTo-Json -Compress) } else { '(nothing)' }
    }
    [pscustomobject]@{ Times = [double[]]$times.ToArray(); Last = $last }
}
#endregion

$setup = [Collections.Generic.List[object]]::new()
function Add-Setup([string] $Client, [string] $What, [double] $Ms, [string] $Note = '') {
    $setup.Add([pscustomobject]@{ Client = $Client; What = $What; Ms = [math]::Round($Ms, 1); Note = $Note })
}
$rows = [Collections.Generic.List[object]]::new()
$notes = [Collections.Generic.List[string]]::new()
$jsDir = $null
$short = $stream = $null

try {
    Write-Host "starting genuine Gradio ${gradioVersion}: endpoints-app.py and simple-app.py ..."
    $short = Start-RealGradio -App endpoints-app.py -Version $gradioVersion
    $stream = Start-RealGradio -App simple-app.py -Version $gradioVersion
    $shortUrl = $short.Url.TrimEnd('/'); $streamUrl = $stream.Url.TrimEnd('/')
    # Let each server build its /config and /info once, so no client pays for the first.
    foreach ($u in $shortUrl, $streamUrl) {
        foreach ($path in '/config', '/gradio_api/info') { $null = & curl -s -m 30 -o /dev/null "$u$path" }
    }

    #region module: setup costs, then calls (all in this process)
    Write-Host 'module: setup ...'
    Add-Setup module 'Import-Module' (Measure-Ms { Import-Module $ModulePath -Global })
    Add-Setup module 'Get-GradioInfo, first in process (/config + /info)' (Measure-Ms { Get-GradioInfo $shortUrl })
    Add-Setup module 'Get-GradioInfo, second app (process warm)' (Measure-Ms { Get-GradioInfo $streamUrl })
    Add-Setup module 'Get-GradioInfo -Force, median of 5 (re-read)' (Get-Percentile @(1..5 | ForEach-Object { Measure-Ms { Get-GradioInfo $shortUrl -Force } }) 50)
    Add-Setup module 'Get-GradioInfo cached, median of 5' (Get-Percentile @(1..5 | ForEach-Object { Measure-Ms { Get-GradioInfo $shortUrl } }) 50)
    Add-Setup module 'New-GradioSession' (Measure-Ms { New-GradioSession $shortUrl -Name bench-short })
    Add-Setup module 'New-GradioSessionApiProxyFunction (1 endpoint)' (Measure-Ms { New-GradioSessionApiProxyFunction -Session bench-short -ApiName add_numbers -Prefix BenchShort })
    $null = New-GradioSession $streamUrl -Name bench-stream
    $null = New-GradioSessionApiProxyFunction -Session bench-stream -ApiName Op1 -Prefix BenchStream

    Write-Host "module: $Warmup + $N short calls x 3 ways ..."
    $r = Measure-ModuleCalls $N { Send-GradioApi $shortUrl add_numbers @(1.5, 2) | Update-GradioApiResult -MaxHeartBeats 4 }
    $rows.Add((New-Row short 'module Send|Update (Auto: queue)' $r.Times $r.Last))
    $r = Measure-ModuleCalls $N { Send-GradioApi $shortUrl add_numbers @(1.5, 2) -Protocol Call | Update-GradioApiResult -MaxHeartBeats 4 }
    $rows.Add((New-Row short 'module Send|Update -Protocol Call' $r.Times $r.Last))
    $r = Measure-ModuleCalls $N { BenchShortAddNumbers -A 1.5 -B 2 }
    $rows.Add((New-Row short 'module generated function (session)' $r.Times $r.Last))

    Write-Host "module: $Warmup + $StreamN streaming calls x 3 ways ..."
    $r = Measure-ModuleCalls $StreamN { Send-GradioApi $streamUrl Op1 @('1') | Update-GradioApiResult -MaxHeartBeats 4 }
    $rows.Add((New-Row stream 'module Send|Update (Auto: queue)' $r.Times $r.Last))
    $r = Measure-ModuleCalls $StreamN { Send-GradioApi $streamUrl Op1 @('1') -Protocol Call | Update-GradioApiResult -MaxHeartBeats 4 }
    $rows.Add((New-Row stream 'module Send|Update -Protocol Call' $r.Times $r.Last))
    $r = Measure-ModuleCalls $StreamN { BenchStreamOp1 -Duration 1 }
    $rows.Add((New-Row stream 'module generated function (session)' $r.Times $r.Last))
    #endregion

    #region curl: the floor
    Write-Host 'curl: short and streaming calls ...'
    $curlShort = Invoke-Curl $shortUrl add_numbers '[1.5, 2]' $N
    $curlStream = Invoke-Curl $streamUrl Op1 '["1"]' $StreamN
    $rows.Insert(0, (New-Row short 'curl /call POST+GET (floor)' $curlShort.Times $curlShort.Last))
    $rows.Insert(1, (New-Row stream 'curl /call POST+GET (floor)' $curlStream.Times $curlStream.Last))
    $rows.Insert(2, (New-Row short 'curl, incl. 2 process starts' $curlShort.Spawn $curlShort.Last 'for reference'))
    #endregion

    #region python
    if ($SkipPython) { $notes.Add('python: skipped (-SkipPython)') }
    elseif (-not (Test-Path $python)) { $notes.Add("python: skipped, no $python (../shared/real-gradio/setup.sh installs it)") }
    else {
        Write-Host 'python gradio_client: one process ...'
        $budget = 60 + ($Warmup + $N) * 5 + ($Warmup + $StreamN) * ($TimeoutSec + 1)
        $run = Invoke-Bounded $python @((Join-Path $clients 'gradio_python.py'), $shortUrl, $streamUrl, "$N", "$StreamN", "$Warmup", "$TimeoutSec") $budget
        $json = ($run.Stdout -split "`n" | Where-Object { $_ -match '^\{' } | Select-Object -Last 1)
        if ($run.ExitCode -ne 0 -or -not $json) { $notes.Add("python: failed ($($run.ExitCode)): $($run.Stderr.Trim() -split "`n" | Select-Object -Last 3)") }
        else {
            $p = $json | ConvertFrom-Json
            $rows.Add((New-Row short "python $($p.client) predict" $p.short.times_ms ($p.short.last | ConvertTo-Json -Compress) (@($p.short.errors) -join '; ')))
            $rows.Add((New-Row stream "python $($p.client) predict" $p.stream.times_ms ($p.stream.last | ConvertTo-Json -Compress) (@($p.stream.errors) -join '; ')))
            Add-Setup python 'import gradio_client' $p.import_ms
            Add-Setup python 'Client(url), first in process (/config + /info + heartbeat)' $p.connect_ms
            Add-Setup python 'Client(url), same app again (process warm)' $p.connect_again_ms
            Add-Setup python 'Client(url), second app (process warm)' $p.connect_stream_ms
        }
    }
    #endregion

    #region js
    if ($SkipJs) { $notes.Add('js: skipped (-SkipJs)') }
    elseif (-not (Get-Command node -ErrorAction SilentlyContinue)) { $notes.Add('js: skipped, node is not installed') }
    else {
        if (-not $JsClientModule) {
            # A fresh temp folder, never the repository; removed in finally.
            $jsDir = Join-Path ([IO.Path]::GetTempPath()) "powershai-bench-js-$PID"
            $null = New-Item -ItemType Directory -Force $jsDir
            Set-Content (Join-Path $jsDir 'package.json') '{ "private": true }'
            Write-Host "js: npm install @gradio/client@2.7.0 into $jsDir ..."
            $npm = Invoke-Bounded npm @('install', '--no-audit', '--no-fund', '--loglevel=error', '@gradio/client@2.7.0') 180 -WorkingDirectory $jsDir
            Add-Setup js 'npm install @gradio/client@2.7.0 (temp folder)' $npm.WallMs 'wall, not a client cost'
            $candidate = Join-Path $jsDir 'node_modules/@gradio/client/dist/index.js'
            if ($npm.ExitCode -eq 0 -and (Test-Path $candidate)) { $JsClientModule = $candidate }
            else { $notes.Add("js: skipped, npm install @gradio/client@2.7.0 failed ($($npm.ExitCode)): $($npm.Stderr.Trim() -split "`n" | Select-Object -Last 3)") }
        }
        if ($JsClientModule) {
            Write-Host 'js @gradio/client: one node process ...'
            $budget = 60 + ($Warmup + $N) * 5 + ($Warmup + $StreamN) * ($TimeoutSec + 1)
            $run = Invoke-Bounded node @((Join-Path $clients 'gradio_js.mjs'), $shortUrl, $streamUrl, "$N", "$StreamN", "$Warmup", "$TimeoutSec") $budget @{ GRADIO_CLIENT_MODULE = $JsClientModule }
            $json = ($run.Stdout -split "`n" | Where-Object { $_ -match '^\{' } | Select-Object -Last 1)
            if ($run.ExitCode -ne 0 -or -not $json) { $notes.Add("js: failed ($($run.ExitCode)): $($run.Stderr.Trim() -split "`n" | Select-Object -Last 3)") }
            else {
                $j = $json | ConvertFrom-Json
                $rows.Add((New-Row short "js $($j.client) predict" $j.short.times_ms ($j.short.last | ConvertTo-Json -Compress) (@($j.short.errors) -join '; ')))
                $rows.Add((New-Row stream "js $($j.client) predict" $j.stream.times_ms ($j.stream.last | ConvertTo-Json -Compress) (@($j.stream.errors) -join '; ')))
                Add-Setup js 'import @gradio/client' $j.import_ms
                Add-Setup js 'Client.connect(url), first in process (/config + /info)' $j.connect_ms
                Add-Setup js 'Client.connect(url), same app again (process warm)' $j.connect_again_ms
                Add-Setup js 'Client.connect(url), second app (process warm)' $j.connect_stream_ms
            }
        }
    }
    #endregion

    #region drift check, then fresh processes doing one call each
    Write-Host 'curl again (drift check) ...'
    $again = Invoke-Curl $shortUrl add_numbers '[1.5, 2]' $N
    $rows.Add((New-Row short 'curl /call POST+GET, again at the end' $again.Times $again.Last 'drift check'))

    if ($ColdRuns -gt 0) {
        Write-Host "fresh processes, one short call each, $ColdRuns runs per client ..."
        $quotedModule = $ModulePath.Replace("'", "''")
        $cold = [ordered]@{
            'curl: 2 processes (POST, GET)' = { (Invoke-Curl $shortUrl add_numbers '[1.5, 2]' 1).Spawn[0] }
            'module: dotnet pwsh + Import-Module + Send|Update' = {
                $cmd = "Import-Module '$quotedModule'; (Send-GradioApi '$shortUrl' add_numbers @(1.5, 2) | Update-GradioApiResult).data"
                $run = Invoke-Bounded dotnet @((Get-PwshEntry), '-NoProfile', '-NonInteractive', '-Command', $cmd) 120
                if ($run.ExitCode -ne 0) { throw "pwsh: $($run.Stderr)" }
                $run.WallMs
            }
            'module: dotnet pwsh alone (-Command exit)' = { (Invoke-Bounded dotnet @((Get-PwshEntry), '-NoProfile', '-NonInteractive', '-Command', 'exit') 120).WallMs }
        }
        if (Test-Path $python) {
            $cold['python: start + import + Client() + predict'] = {
                $code = "from gradio_client import Client; c = Client('$shortUrl', verbose=False); print(c.predict(1.5, 2, api_name='/add_numbers'))"
                $run = Invoke-Bounded $python @('-c', $code) 120
                if ($run.ExitCode -ne 0) { throw "python: $($run.Stderr)" }
                $run.WallMs
            }
        }
        if ($JsClientModule) {
            $cold['js: node + import + connect + predict'] = {
                $code = "const { Client } = await import(process.env.GRADIO_CLIENT_MODULE); const c = await Client.connect('$shortUrl'); console.log((await c.predict('/add_numbers', [1.5, 2])).data); process.exit(0);"
                $run = Invoke-Bounded node @('--input-type=module', '-e', $code) 120 @{ GRADIO_CLIENT_MODULE = "file://$JsClientModule" }
                if ($run.ExitCode -ne 0) { throw "node: $($run.Stderr)" }
                $run.WallMs
            }
        }
        foreach ($name in $cold.Keys) {
            try {
                $walls = @(1..$ColdRuns | ForEach-Object { & $cold[$name] })
                Add-Setup ($name -split ':')[0] "fresh process, one call: $(($name -split ': ', 2)[1])" (Get-Percentile $walls 50) "wall, median of $ColdRuns"
            } catch { $notes.Add("cold run '$name' failed: $_") }
        }
    }
    #endregion
} finally {
    Remove-GradioSession bench-short -ErrorAction SilentlyContinue
    Remove-GradioSession bench-stream -ErrorAction SilentlyContinue
    Stop-RealGradio $short
    Stop-RealGradio $stream
    if ($jsDir) { Remove-Item -Recurse -Force $jsDir -ErrorAction SilentlyContinue }
}

#region report
$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Select-String '^model name' | Select-Object -First 1) -replace '^model name\s*:\s*', ''
"`ncall latency, genuine Gradio $gradioVersion on 127.0.0.1, {0:yyyy-MM-dd HH:mm} UTC, {1} core(s) {2}" -f [DateTime]::UtcNow, [Environment]::ProcessorCount, $cpu
"module measured: $ModulePath"
"short = /add_numbers(1.5, 2), N=$N; stream = /Op1(""1"") (a generator, ~1 s), N=$StreamN; $Warmup warm-up call(s) each, not counted. Times in ms."
foreach ($workload in 'short', 'stream') {
    $floor = $rows | Where-Object { $_.Workload -eq $workload -and $_.Client -eq 'curl /call POST+GET (floor)' } | Select-Object -First 1
    $rows | Where-Object Workload -eq $workload | ForEach-Object {
        [pscustomobject]@{
            Client   = $_.Client
            Calls    = $_.Calls
            Median   = [math]::Round($_.Median, 1)
            P90      = [math]::Round($_.P90, 1)
            Min      = [math]::Round($_.Min, 1)
            'xCurl'  = if ($floor) { [math]::Round($_.Median / $floor.Median, 2) } else { $null }
            'xCurlP90' = if ($floor) { [math]::Round($_.P90 / $floor.P90, 2) } else { $null }
            '+ms'    = if ($floor) { [math]::Round($_.Median - $floor.Median, 1) } else { $null }
            Result   = $_.Last
            Note     = $_.Note
        }
    } | Format-Table -Property Client, Calls, Median, P90, Min, xCurl, xCurlP90, '+ms', Result, Note -AutoSize | Out-String -Width 200 | ForEach-Object { "[$workload]"; $_.TrimEnd(); '' }
}
'setup and start-up costs (ms), not in the per-call numbers:'
$setup | Format-Table -AutoSize | Out-String -Width 200 | ForEach-Object TrimEnd
if ($notes.Count) { ''; 'notes:'; $notes | ForEach-Object { "  $_" } }
#endregion
