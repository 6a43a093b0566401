# Helpers shared by the benchmarks (bench/*.ps1 and bench/workloads/*.ps1): medians, running a
# program with a time limit (and its peak memory, or the JSON its last line prints), and the
# result rows of bench/compare.ps1.

function Get-Median([double[]] $Values) {
    # NaN is a value that was not measured (a listing with no first item, say): left out.
    $sorted = @($Values | Where-Object { -not [double]::IsNaN($_) } | Sort-Object)
    if ($sorted.Count -eq 0) { return [double]::NaN }
    if ($sorted.Count % 2) { return $sorted[($sorted.Count - 1) / 2] }
    ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2
}

function Get-Percentile([double[]] $Values, [double] $P) {
    # nearest rank
    $sorted = @($Values | Sort-Object)
    if (-not $sorted) { return [double]::NaN }
    $rank = [math]::Max(1, [math]::Ceiling($P / 100 * $sorted.Count))
    return $sorted[$rank - 1]
}

function Get-PwshEntry {
    <#
    .SYNOPSIS
        What follows `dotnet` to start a child pwsh: `pwsh` (the repository's dotnet tool, whose
        engine assemblies are IL only and JIT-compiled as they run), or the pwsh.dll that
        $env:POWERSHAI_BENCH_PWSH names (bench/precompile-pwsh.ps1 makes a ReadyToRun copy, as
        PowerShell's released packages are).
    #>
    if ($env:POWERSHAI_BENCH_PWSH) { $env:POWERSHAI_BENCH_PWSH } else { 'pwsh' }
}

function Invoke-Bounded {
    <#
    .SYNOPSIS
        Runs a program with a time limit; returns its exit code, stdout, stderr, wall ms and, with
        -MeasurePeak, its peak resident memory in MB (GNU time's %M over the program and its children).
        On timeout the process tree is killed and ExitCode is 'timeout'.
    #>
    param([string] $FilePath, [string[]] $ArgumentList, [int] $TimeoutSec, [hashtable] $Environment = @{},
          [string] $WorkingDirectory = (Get-Location).Path, [switch] $MeasurePeak)
    $peakFile = $null
    if ($MeasurePeak -and (Test-Path /usr/bin/time)) {
        $peakFile = [IO.Path]::GetTempFileName()
        $ArgumentList = @('-f', '%M', '-o', $peakFile, $FilePath) + $ArgumentList
        $FilePath = '/usr/bin/time'
    }
    $psi = [Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($a in $ArgumentList) { $psi.ArgumentList.Add($a) }
    foreach ($k in $Environment.Keys) { $psi.Environment[$k] = $Environment[$k] }
    $psi.WorkingDirectory = $WorkingDirectory
    $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true; $psi.UseShellExecute = $false
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($psi)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $exit = if ($process.WaitForExit($TimeoutSec * 1000)) { $process.WaitForExit(); $process.ExitCode } else {
        $process.Kill($true); $null = $process.WaitForExit(5000); 'timeout'
    }
    $watch.Stop()
    $peak = $null
    if ($peakFile) {
        $kb = (Get-Content $peakFile -ErrorAction SilentlyContinue | Where-Object { $_ -match '^\d+$' } | Select-Object -Last 1)
        if ($kb) { $peak = [math]::Round([double]$kb / 1024, 1) }
        Remove-Item $peakFile -ErrorAction SilentlyContinue
    }
    [pscustomobject]@{ ExitCode = $exit; Stdout = $stdout.Result; Stderr = $stderr.Result; WallMs = $watch.Elapsed.TotalMilliseconds; PeakMB = $peak }
}

function Invoke-JsonChild {
    <#
    .SYNOPSIS
        Runs a program with a time limit and returns the JSON its last non-empty stdout line holds,
        parsed; throws when it fails, runs over or prints nothing. With -Script the program is a
        fresh pwsh given that script text (from a temporary file) and ArgumentList.
    #>
    param([Parameter(Mandatory)] [string] $FilePath, [object[]] $ArgumentList = @(), [string] $Script, [int] $TimeoutSec = 300,
          [hashtable] $Environment = @{}, [string] $WorkingDirectory = (Get-Location).Path)
    $file = $null
    $arguments = @($ArgumentList | ForEach-Object { "$_" })
    if ($Script) {
        $file = Join-Path ([IO.Path]::GetTempPath()) "bench-child-$PID-$([guid]::NewGuid().ToString('n')).ps1"
        Set-Content -Path $file -Value $Script
        $arguments = @((Get-PwshEntry), '-NoProfile', '-NonInteractive', '-File', $file) + $arguments
        $FilePath = 'dotnet'
    }
    try {
        $run = Invoke-Bounded $FilePath $arguments $TimeoutSec $Environment -WorkingDirectory $WorkingDirectory
    } finally {
        if ($file) { Remove-Item $file -ErrorAction SilentlyContinue }
    }
    if ("$($run.ExitCode)" -eq 'timeout') { throw "$FilePath ran over $TimeoutSec s" }
    $last = @($run.Stdout -split "`r?`n" | Where-Object { $_.Trim() }) | Select-Object -Last 1
    if ($run.ExitCode -ne 0 -or -not $last) { throw "$FilePath failed ($($run.ExitCode)): $(($run.Stderr.Trim() -split "`n" | Select-Object -Last 5) -join ' ')" }
    $last | ConvertFrom-Json
}

function New-BenchResult {
    <# One row of bench/compare.ps1: the median of the rounds' values, and the rounds themselves. #>
    param([string] $Workload, [string] $Client, [string] $Metric, [double[]] $Values, $PeakMB = $null, [string] $Note = '')
    [pscustomobject]@{
        Workload = $Workload; Client = $Client; Metric = $Metric
        # Three significant digits at least: seconds need more than milliseconds.
        Median = $(if ($Values) { $m = Get-Median $Values; [math]::Round($m, [math]::Max(1, 2 - [math]::Floor([math]::Log10([math]::Max([math]::Abs($m), 1e-3))))) } else { [double]::NaN })
        PeakMB = $PeakMB
        Rounds = ($Values | ForEach-Object { '{0:G3}' -f $_ }) -join ' / '
        Note = $Note
    }
}

function Invoke-CallsClient {
    <#
    .SYNOPSIS
        Runs one client of bench/clients (js_calls.mjs, python_calls.py, module_calls.ps1,
        curl_calls.sh) on COUNT calls with IN_FLIGHT at once for ROUNDS rounds; returns its JSON
        (rounds of wall_ms and call_ms_median) with PeakMB, or a note on why it could not run.
        -CallTimeoutSec bounds each call of the js, python and curl clients (a call that runs out
        is counted as failed, in the row's note).
    #>
    param([ValidateSet('module', 'module (session)', 'module (Call)', 'js', 'python', 'curl')] [string] $Client, [hashtable] $Context,
          [string] $Url, [string] $Api, [string] $DataJson, [int] $Count, [int] $InFlight, [string] $Warmup = '1', [int] $TimeoutSec = 1800,
          [int] $CallTimeoutSec = 600)
    $clients = Join-Path $PSScriptRoot '../clients'
    $common = @($Url, $Api, $DataJson, "$Count", "$InFlight", "$($Context.Rounds)", "$Warmup")
    $bounded = $common + "$CallTimeoutSec"
    # module_calls.ps1's WAY for each of the module's clients.
    $way = @{ 'module' = 'function'; 'module (session)' = 'session'; 'module (Call)' = 'call' }
    $run = switch ($Client) {
        { $way.ContainsKey($_) } { Invoke-Bounded dotnet (@((Get-PwshEntry), '-NoProfile', '-NonInteractive', '-File', (Join-Path $clients 'module_calls.ps1'), $Context.ModulePath) + $common + $way[$Client]) $TimeoutSec -WorkingDirectory $Context.RepoRoot -MeasurePeak }
        'js' {
            if (-not $Context.NodeClientDir) { return [pscustomobject]@{ Note = 'js: no @gradio/client installed' } }
            Invoke-Bounded node (@((Join-Path $clients 'js_calls.mjs')) + $bounded) $TimeoutSec @{ GRADIO_CLIENT_MODULE = (Join-Path $Context.NodeClientDir 'node_modules/@gradio/client/dist/index.js') } -MeasurePeak
        }
        'python' {
            if (-not ($Context.PythonExe -and (Test-Path $Context.PythonExe))) { return [pscustomobject]@{ Note = 'python: no gradio_client interpreter' } }
            Invoke-Bounded $Context.PythonExe (@((Join-Path $clients 'python_calls.py')) + $bounded) $TimeoutSec -MeasurePeak
        }
        'curl' {
            $lines = Invoke-Bounded bash (@((Join-Path $clients 'curl_calls.sh')) + ($bounded -replace '^\[(.*)\]$', '[$1]')) $TimeoutSec -MeasurePeak
            if ($lines.ExitCode -eq 0) {
                $rounds = @($lines.Stdout -split "`n" | Where-Object { $_ } | ForEach-Object { $w, $m = $_ -split ' '; @{ wall_ms = [double]$w; call_ms_median = [double]$m } })
                $lines | Add-Member -NotePropertyName Json -NotePropertyValue ([pscustomobject]@{ rounds = $rounds; error_count = 0 }) -PassThru
            } else { $lines }
        }
    }
    if (-not $run.PSObject.Properties['Json']) {
        $json = ($run.Stdout -split "`n" | Where-Object { $_ -match '^\{' } | Select-Object -Last 1)
        if ($run.ExitCode -ne 0 -or -not $json) {
            return [pscustomobject]@{ Note = "${Client}: failed ($($run.ExitCode)): $((($run.Stderr + $run.Stdout).Trim() -split "`n" | Select-Object -Last 3) -join ' ')" }
        }
        $run | Add-Member -NotePropertyName Json -NotePropertyValue ($json | ConvertFrom-Json)
    }
    $run
}

function Get-ErrorNote($Run, [string] $Expect) {
    <# A calls client's note for its row: its failed calls, or a last result other than the expected one. #>
    if ($Run.Json.error_count) { return "$($Run.Json.error_count) failed call(s): $(@($Run.Json.errors)[0])" }
    # curl reports no result; the others' last result must be the expected one.
    if ($Run.Json.PSObject.Properties['last'] -and "$($Run.Json.last)" -ne $Expect) { return "WRONG RESULT: $($Run.Json.last), expected $Expect" }
    ''
}

function Invoke-CurlListing([string] $Url) {
    <# A Hub listing read by curl page by page (Link rel="next"): total ms, first byte ms, item count. #>
    $total = 0.0; $first = $null; $count = 0; $pages = 0
    $headers = Join-Path ([IO.Path]::GetTempPath()) "bench-curl-$PID.txt"
    for ($next = $Url; $next -and $pages -lt 100; $pages++) {
        $out = & curl -s --max-time 60 -H 'Accept: application/json' -D $headers -w "`n%{time_starttransfer} %{time_total}" $next
        if ($LASTEXITCODE -ne 0) { throw "curl failed on $next" }
        $times = ($out[-1] -split ' ') | ForEach-Object { [double]::Parse($_, [cultureinfo]::InvariantCulture) * 1000 }
        if ($null -eq $first) { $first = $times[0] }
        $total += $times[1]
        $count += @(($out[0..($out.Count - 2)] -join "`n") | ConvertFrom-Json).Count
        $link = Get-Content $headers | Where-Object { $_ -match '^link:\s*<([^>]+)>;\s*rel="next"' } | Select-Object -First 1
        $next = if ($link -and $link -match '<([^>]+)>') { $Matches[1] } else { $null }
    }
    Remove-Item $headers -ErrorAction SilentlyContinue
    [pscustomobject]@{ Total = $total; First = $first; Count = $count }
}

Export-ModuleMember -Function Get-PwshEntry, Get-Median, Get-Percentile, Invoke-Bounded, Invoke-JsonChild, New-BenchResult, Invoke-CallsClient, Get-ErrorNote, Invoke-CurlListing
