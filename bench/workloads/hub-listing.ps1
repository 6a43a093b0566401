<#
.SYNOPSIS
    Workload "hub-listing": all 2,499 models of the Hub test server (tests/FakeHub with 2,470
    bulk models; pages of 1,000 linked by Link rel="next"). Metrics: total ms and first item ms.
.DESCRIPTION
    Dot-source and call Measure-HubListingWorkload -Context @{...} (bench/compare.ps1 does), or run
    this file: dotnet pwsh ./bench/workloads/hub-listing.ps1 [-Rounds 3] [-Count 2470]
    - curl: fetches the pages one by one following the Link header; its own clocks give total
      (sum of time_total) and first item (time_starttransfer of page 1); process starts not counted.
    - module: `Find-HuggingFaceModel -Limit 0 | ForEach-Object {...}` in one long-lived child
      process, its Stopwatch giving total and the first object's arrival. The process first lists
      once (timed: the first listing of a fresh process), then warms up as a session that has
      listed before would be: three times two listings and 300 ms idle.
    - module ($null =): `$null = Find-HuggingFaceModel -Limit 0`, the same without ForEach-Object.
    Each round runs 3 listings per client and keeps their median; curl's rows for the first
    listing of a fresh process are its totals (each of its pages is a fresh process). Context
    keys read: ModulePath, FakeHubPath (the built tests/FakeHub DLL; else MSBuild is asked),
    Rounds, Count (bulk models; Quick without Count: 100), FakeHubUrl (a running Hub test server
    with those models; else one is started and stopped here).
#>

Import-Module (Join-Path $PSScriptRoot '../lib/Bench.psm1')

function Measure-HubListingWorkload {
    param([Parameter(Mandatory)] [hashtable] $Context)
    $repo = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $rounds = if ($Context.Rounds) { [int]$Context.Rounds } else { 3 }
    $bulk = if ($Context['Count']) { [int]$Context['Count'] } elseif ($Context.Quick) { 100 } else { 2470 }
    $runs = 3
    $warmUps = if ($Context.Quick) { 1 } else { 3 }
    $hub = $null
    $hubUrl = $Context.FakeHubUrl
    if (-not $hubUrl) {
        Import-Module (Join-Path $repo 'tests/pester/RealGradio.psm1') -Scope Local
        if ($Context.FakeHubPath) { $env:POWERSHAI_FAKEHUB_PATH = $Context.FakeHubPath }
        $hub = Start-FakeHub -ServerArgument '--bulk-models', "$bulk"
        $hubUrl = $hub.Url
    }
    $child = @'
param($Manifest, $Runs, $Endpoint, $WarmUps)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$env:HF_TOKEN = $null
$env:HF_ENDPOINT = $Endpoint
$sw = [Diagnostics.Stopwatch]::StartNew()
$null = Find-HuggingFaceModel -Limit 0
$cold = $sw.Elapsed.TotalMilliseconds
# A long-lived process has listed before and sat idle between commands: .NET promotes hot
# methods to optimized code only after 100 ms without new compilations (bench/README.md).
foreach ($w in 1..$WarmUps) {
    Find-HuggingFaceModel -Limit 0 | ForEach-Object { }
    $null = Find-HuggingFaceModel -Limit 0
    Start-Sleep -Milliseconds 300
}
$totals = @(); $firsts = @(); $bares = @(); $count = 0
foreach ($run in 1..$Runs) {
    $first = $null
    $count = 0
    $sw.Restart()
    Find-HuggingFaceModel -Limit 0 | ForEach-Object { if ($null -eq $first) { $first = $sw.Elapsed.TotalMilliseconds }; $count++ }
    $total = $sw.Elapsed.TotalMilliseconds
    $sw.Restart()
    $null = Find-HuggingFaceModel -Limit 0
    $bares += $sw.Elapsed.TotalMilliseconds
    $totals += $total; $firsts += $first
}
@{ cold = $cold; total = $totals; first = $firsts; bare = $bares; count = $count; peak_mb = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
'@
    try {
        $url = "$($hubUrl.TrimEnd('/'))/api/models?sort=downloads"
        $null = Invoke-CurlListing $url   # warm-up: the server's first listing
        # One array of runs per round (@() keeps a single round an array of one).
        $curl = @(foreach ($round in 1..$rounds) { , @(1..$runs | ForEach-Object { Invoke-CurlListing $url }) })
        Write-Host "hub-listing: curl $($curl[0][0].Count) models"
        New-BenchResult 'hub-listing' 'curl' 'total ms' @($curl | ForEach-Object { Get-Median $_.Total }) $null
        New-BenchResult 'hub-listing' 'curl' 'first item ms' @($curl | ForEach-Object { Get-Median $_.First }) $null
        New-BenchResult 'hub-listing' 'curl' 'first listing of a fresh process, ms' @($curl | ForEach-Object { Get-Median $_.Total }) $null
        $module = foreach ($round in 1..$rounds) { Invoke-JsonChild pwsh -Script $child -ArgumentList $Context.ModulePath, $runs, $hubUrl, $warmUps -TimeoutSec 300 -WorkingDirectory $repo }
        Write-Host "hub-listing: module $($module[0].count) models"
        $peak = ($module | Measure-Object peak_mb -Maximum).Maximum
        New-BenchResult 'hub-listing' 'module' 'total ms' @($module | ForEach-Object { Get-Median $_.total }) $peak
        New-BenchResult 'hub-listing' 'module' 'first item ms' @($module | ForEach-Object { Get-Median $_.first }) $peak
        New-BenchResult 'hub-listing' 'module ($null =)' 'total ms' @($module | ForEach-Object { Get-Median $_.bare }) $peak
        New-BenchResult 'hub-listing' 'module ($null =)' 'first listing of a fresh process, ms' @($module.cold) $peak
    } finally {
        if ($hub) { Stop-RealGradio $hub }
    }
}

if ($MyInvocation.InvocationName -ne '.') {
    $repoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $argsTable = @{ Rounds = 3; Count = 2470; ModulePath = (Join-Path $repoRoot 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1') }
    for ($i = 0; $i -lt $args.Count; $i += 2) { $argsTable[$args[$i].TrimStart('-')] = $args[$i + 1] }
    $ErrorActionPreference = 'Stop'
    Measure-HubListingWorkload -Context $argsTable | Format-Table -AutoSize
}
