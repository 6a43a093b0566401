<#
.SYNOPSIS
    This module's side of bench/compare.ps1 (short calls, batches, uploads), in one process.
.DESCRIPTION
    dotnet pwsh -File bench/clients/module_calls.ps1 MANIFEST URL API DATA_JSON COUNT IN_FLIGHT ROUNDS [WARMUP] [WAY]

    Imports the module, opens a session on URL, then WARMUP (1) untimed calls (or, as "Ns", calls
    for N seconds in three stretches each followed by 300 ms idle) and ROUNDS rounds
    of COUNT calls of API with the inputs DATA_JSON (a JSON array in /info order; "@file:PATH"
    becomes that file, uploaded), IN_FLIGHT at once (-ThrottleLimit; 1 = one after the other,
    each timed). WAY: 'function' (a generated function, -Result; the default), 'session'
    (Invoke-GradioSessionApi -Result, the queue) or 'call' (Invoke-GradioSessionApi -Protocol Call
    -Result). Prints one JSON object like the other
    clients': per round the wall ms and the median ms of one call; import ms. Asserts nothing.
#>
param([string] $Manifest, [string] $Url, [string] $Api, [string] $DataJson, [int] $Count, [int] $InFlight, [int] $Rounds, [string] $Warmup = '1', [string] $Way = 'function')
$ErrorActionPreference = 'Stop'
$sw = [Diagnostics.Stopwatch]::StartNew()
Import-Module $Manifest
$importMs = $sw.Elapsed.TotalMilliseconds
$inputs = @($DataJson | ConvertFrom-Json | ForEach-Object { if ($_ -is [string] -and $_.StartsWith('@file:')) { Get-Item -LiteralPath $_.Substring(6) } else { $_ } })
$sw.Restart()
$null = New-GradioSession $Url -Name bench
Set-GradioSession bench -MaxCalls 100000
$fn = (New-GradioSessionApiProxyFunction -Session bench -ApiName $Api -Prefix Bench).Name
$connectMs = $sw.Elapsed.TotalMilliseconds
$options = @{}
if ($InFlight -gt 1) { $options.ThrottleLimit = $InFlight }
if ($Way -eq 'call') { $options.Protocol = 'Call' }
$call = if ($Way -in 'call', 'session') {
    { param($n) 1..$n | Invoke-GradioSessionApi $Api -Params $inputs -Session bench -Result @options }
} else {
    { param($n) 1..$n | & $fn @inputs -Result @options }
}
if ($Warmup.EndsWith('s')) {
    $stretchSec = [double]$Warmup.TrimEnd('s') / 3
    foreach ($stretch in 1..3) {
        $end = [Diagnostics.Stopwatch]::StartNew()
        do { $last = & $call 1 } while ($end.Elapsed.TotalSeconds -lt $stretchSec)
        Start-Sleep -Milliseconds 300
    }
}
elseif ([int]$Warmup -gt 0) { $last = & $call ([int]$Warmup) }
$results = foreach ($r in 1..$Rounds) {
    $times = [Collections.Generic.List[double]]::new()
    $round = [Diagnostics.Stopwatch]::StartNew()
    if ($InFlight -gt 1) {
        $out = @(& $call $Count)
        if ($out.Count -ne $Count) { throw "$Count calls gave $($out.Count) results" }
        $last = $out[-1]
    }
    else {
        foreach ($i in 1..$Count) {
            $one = [Diagnostics.Stopwatch]::StartNew()
            $last = & $call 1
            $times.Add($one.Elapsed.TotalMilliseconds)
        }
    }
    $wall = $round.Elapsed.TotalMilliseconds
    $sorted = @($times | Sort-Object)
    @{ wall_ms = $wall; call_ms_median = if ($sorted) { $sorted[[math]::Floor($sorted.Count / 2)] } else { $wall / $Count } }
}
@{ client = 'module'; import_ms = $importMs; connect_ms = $connectMs; rounds = @($results); last = "$last"; errors = @(); error_count = 0 } | ConvertTo-Json -Compress -Depth 5
