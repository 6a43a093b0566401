<#
.SYNOPSIS
    Benchmark: Import-Module time, first-run generation of 300 functions, and a 2,499-model Hub
    listing next to curl. Prints numbers, asserts nothing.
.DESCRIPTION
    Builds nothing: build the module (and the test servers, `build.ps1 test` or `dotnet build
    tests/FakeHub -c Release`, `tests/FakeGradio` likewise) first. Every -ModulePath given is
    measured in the same run, so a baseline built elsewhere can sit beside the current build.

    - import: `Import-Module <psd1>` timed by a Stopwatch inside a fresh `dotnet pwsh` (the first
      command of the process), with the CPU time the process spent meanwhile (steadier than wall
      time on a shared machine), -ImportRuns per round; the same for a manifest that loads nothing
      (PowerShell's own floor for a first import), and for the module imported after that empty
      one (module-loading code already run: the module's own share).
    - generate: in a fresh process, the first `New-GradioSessionApiProxyFunction` on the fake
      Gradio server's 300-endpoint app (`many`), after Import-Module and New-GradioSession.
    - listing: the Hub test server with -BulkModels extra public models (2,470 + 29 seeded =
      2,499; pages of 1,000 linked by Link rel="next"). curl fetches the pages one by one
      following the Link header; its own clocks give total (sum of time_total) and first item
      (time_starttransfer of page 1; process starts not counted). The module runs
      `Find-HuggingFaceModel -Limit 0 | ForEach-Object {...}` in one long-lived child process
      (one untimed warm-up), its Stopwatch giving total and the arrival of the first object, and
      `$null = Find-HuggingFaceModel -Limit 0` (the same without ForEach-Object's per-item cost).
    Each measure: -Rounds rounds (median per round), then the median of the rounds and ratios.
        dotnet pwsh ./bench/startup-and-listing.ps1
        dotnet pwsh ./bench/startup-and-listing.ps1 -ModulePath /tmp/before/out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1, ./out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1
#>
param(
    [string[]] $ModulePath,
    [int] $Rounds = 3,
    [int] $ImportRuns = 5,
    [int] $ListingRuns = 3,
    [int] $BulkModels = 2470,
    [switch] $SkipGenerate
)
$ErrorActionPreference = 'Stop'
$repo = Split-Path $PSScriptRoot -Parent
if (-not $ModulePath) { $ModulePath = @(Join-Path $repo 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1') }
$ModulePath = @($ModulePath | ForEach-Object { (Resolve-Path $_).Path })
Import-Module (Join-Path $repo 'tests/pester/RealGradio.psm1')

Import-Module (Join-Path $PSScriptRoot 'lib/Bench.psm1')   # Get-Median, Invoke-CurlListing

# A child pwsh (from the repository, where the dotnet tool manifest is) with a wall-time budget;
# returns its standard output lines.
function Invoke-Child([string] $Script, [object[]] $Arguments, [int] $BudgetSec = 180) {
    $file = Join-Path ([IO.Path]::GetTempPath()) "bench-child-$PID.ps1"
    Set-Content -Path $file -Value $Script
    $info = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @((Get-PwshEntry), '-NoProfile', '-NonInteractive', '-File', $file) + @($Arguments | ForEach-Object { "$_" })) { $info.ArgumentList.Add($a) }
    $info.WorkingDirectory = $repo
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($BudgetSec * 1000)) { $process.Kill($true); throw "child pwsh ran over $BudgetSec s" }
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) { throw "child pwsh failed ($($process.ExitCode)): $($stderr.Result)" }
    @($stdout.Result -split "`r?`n" | Where-Object { $_ })
}

$results = [Collections.Generic.List[object]]::new()
function Add-Result([string] $Workload, [string] $Client, [double[]] $RoundMedians) {
    $results.Add([pscustomobject]@{ Workload = $Workload; Client = $Client; Rounds = ($RoundMedians | ForEach-Object { '{0:0.0}' -f $_ }) -join ' / '; Median = [math]::Round((Get-Median $RoundMedians), 1) })
}

#region import
$importChild = @'
param($Manifest, $Warm)
if ($Warm) { Import-Module $Warm }
$process = [Diagnostics.Process]::GetCurrentProcess()
$cpu = $process.TotalProcessorTime
$sw = [Diagnostics.Stopwatch]::StartNew()
Import-Module $Manifest
$sw.Stop()
$process.Refresh()
($sw.Elapsed.TotalMilliseconds, ($process.TotalProcessorTime - $cpu).TotalMilliseconds | ForEach-Object { $_.ToString([cultureinfo]::InvariantCulture) }) -join ' '
'@
$empty = Join-Path ([IO.Path]::GetTempPath()) "bench-empty-$PID/BenchEmpty.psd1"
$null = New-Item -ItemType Directory -Force (Split-Path $empty)
Set-Content $empty "@{ ModuleVersion = '1.0'; GUID = '6f1b7a8e-0d55-4a35-9d59-0c1f3b7c2a11'; FunctionsToExport = @(); CmdletsToExport = @() }"
$imports = [ordered]@{ 'empty manifest (PowerShell''s floor)' = @($empty, '') }
function Get-Label([string] $Manifest) { "module[$([array]::IndexOf($ModulePath, $Manifest) + 1)]" }
foreach ($m in $ModulePath) {
    $imports[(Get-Label $m)] = @($m, '')
    $imports["$(Get-Label $m), after the empty one"] = @($m, $empty)
}
foreach ($name in $imports.Keys) {
    Write-Host "import: $name ..."
    $wall = [Collections.Generic.List[double]]::new()
    $cpu = [Collections.Generic.List[double]]::new()
    foreach ($round in 1..$Rounds) {
        $runs = @(1..$ImportRuns | ForEach-Object { , [double[]](@(Invoke-Child $importChild $imports[$name] 120)[-1] -split ' ') })
        $wall.Add((Get-Median @($runs | ForEach-Object { $_[0] })))
        $cpu.Add((Get-Median @($runs | ForEach-Object { $_[1] })))
    }
    Add-Result 'Import-Module, ms (fresh process)' $name $wall
    Add-Result 'Import-Module, CPU ms of the process (all threads)' $name $cpu
}
#endregion

#region generate
if (-not $SkipGenerate) {
    $generateChild = @'
param($Manifest, $Url)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$null = New-GradioSession $Url -Name bench
$sw = [Diagnostics.Stopwatch]::StartNew()
$functions = New-GradioSessionApiProxyFunction -Session bench -Prefix Bench
$sw.Stop()
if (@($functions).Count -ne 300) { throw "expected 300 functions, got $(@($functions).Count)" }
$sw.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)
'@
    $gradio = Start-FakeGradio -Profile v5 -App many
    try {
        foreach ($m in $ModulePath) {
            Write-Host "generate: $m ..."
            $medians = foreach ($round in 1..$Rounds) {
                Get-Median @(1..$ImportRuns | ForEach-Object { [double]@(Invoke-Child $generateChild @($m, $gradio.Url) 180)[-1] })
            }
            Add-Result '300 functions, first run in a fresh process, ms' (Get-Label $m) $medians
        }
    } finally {
        Stop-RealGradio $gradio
    }
}
#endregion

#region listing
$listingChild = @'
param($Manifest, $Runs)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$env:HF_TOKEN = $null
foreach ($run in 0..$Runs) {
    $script:first = $null
    $script:count = 0
    $sw = [Diagnostics.Stopwatch]::StartNew()
    Find-HuggingFaceModel -Limit 0 | ForEach-Object { if ($null -eq $script:first) { $script:first = $sw.Elapsed.TotalMilliseconds }; $script:count++ }
    $total = $sw.Elapsed.TotalMilliseconds
    $sw.Restart()
    $null = Find-HuggingFaceModel -Limit 0
    $bare = $sw.Elapsed.TotalMilliseconds
    if ($run -gt 0) { ($total, $script:first, $bare | ForEach-Object { $_.ToString([cultureinfo]::InvariantCulture) }) -join ' ' ; "count $script:count" }
}
'@

$env:HF_TOKEN = $null
$hub = Start-FakeHub -ServerArgument '--bulk-models', "$BulkModels"
try {
    $url = "$($hub.Url.TrimEnd('/'))/api/models?sort=downloads"
    $null = Invoke-CurlListing $url   # warm-up: the server's first listing
    $curl = [Collections.Generic.List[object]]::new()
    foreach ($round in 1..$Rounds) { $curl.Add(@(1..$ListingRuns | ForEach-Object { Invoke-CurlListing $url })) }
    Write-Host "listing: curl $($curl[0][0].Count) models"
    Add-Result 'list models, total ms' 'curl (sum of time_total over the pages)' @($curl | ForEach-Object { Get-Median ($_.Total) })
    Add-Result 'list models, first item ms' 'curl (time_starttransfer of page 1)' @($curl | ForEach-Object { Get-Median ($_.First) })
    foreach ($m in $ModulePath) {
        Write-Host "listing: $m ..."
        $env:HF_ENDPOINT = $hub.Url
        $perRound = [Collections.Generic.List[object]]::new()
        foreach ($round in 1..$Rounds) {
            $lines = Invoke-Child $listingChild @($m, $ListingRuns) 300
            $count = ($lines | Where-Object { $_ -like 'count *' } | Select-Object -First 1) -replace 'count '
            $perRound.Add(@($lines | Where-Object { $_ -notlike 'count *' } | ForEach-Object { $f = $_ -split ' '; [pscustomobject]@{ Total = [double]$f[0]; First = [double]$f[1]; Bare = [double]$f[2]; Count = [int]$count } }))
        }
        Remove-Item Env:HF_ENDPOINT
        Write-Host "listing: module $($perRound[0][0].Count) models"
        Add-Result 'list models, total ms' "$(Get-Label $m) | ForEach-Object" @($perRound | ForEach-Object { Get-Median ($_.Total) })
        Add-Result 'list models, total ms' "$(Get-Label $m), `$null = (no consumer)" @($perRound | ForEach-Object { Get-Median ($_.Bare) })
        Add-Result 'list models, first item ms' (Get-Label $m) @($perRound | ForEach-Object { Get-Median ($_.First) })
    }
} finally {
    Stop-RealGradio $hub
}
#endregion

for ($i = 0; $i -lt $ModulePath.Count; $i++) { Write-Host "module[$($i + 1)] = $($ModulePath[$i])" }
foreach ($workload in @($results.Workload | Select-Object -Unique)) {
    $group = @($results | Where-Object Workload -EQ $workload)
    $reference = ($group | Where-Object Client -Like 'curl*' | Select-Object -First 1).Median
    if (-not $reference) { $reference = $group[0].Median }
    $group | Select-Object Workload, Client, Rounds, Median,
        @{ n = 'Ratio'; e = { [math]::Round($_.Median / $reference, 2) } },
        @{ n = 'PlusMs'; e = { [math]::Round($_.Median - $reference, 1) } } | Format-Table -AutoSize | Out-String -Width 220 | Out-Host
}
