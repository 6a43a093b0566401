<#
.SYNOPSIS
    Benchmark: this module next to curl and the official JS and Python Gradio clients on every
    workload of bench/workloads, one table of medians and ratios. Prints numbers, asserts nothing.
.DESCRIPTION
    Builds nothing: build the module and the test servers first (`dotnet pwsh ./build.ps1 test`
    builds all three; or `dotnet pwsh ./build.ps1 build` and `dotnet build tests/FakeGradio -c
    Release`, `tests/FakeHub` likewise). Then it starts what the workloads need, on 127.0.0.1:
    genuine Gradio 5.14.0 (endpoints-app.py, from ../shared/real-gradio through
    tests/pester/RealGradio.psm1), the instant fake Gradio server (tests/FakeGradio, app 'full'),
    for stream and download its 'stream' app, and for hub-listing the Hub test server
    (tests/FakeHub, 2,470 bulk models; 100 with -Quick); installs @gradio/client 2.7.0 with npm into
    bench/.node (ignored by git, kept between runs); and finds gradio_client's Python in
    /opt/real-gradio-5.14.0.

    Every bench/workloads/*.ps1 is dot-sourced; each defines one Measure-<Name>Workload
    -Context <hashtable> returning rows (Workload, Client, Metric, Median, PeakMB, Rounds). The
    context holds ModulePath, RepoRoot, FakeGradioPath, FakeHubPath, FakeGradioUrl,
    StreamGradioUrl, FakeHubUrl, RealGradioUrl, NodeClientDir, PythonExe, Rounds, Quick, and
    Size/Count when given (each workload picks its own default, a tiny one with Quick).

    The table gives each row's median of -Rounds rounds and its ratio to the peer client (-Peer,
    js by default; curl where the peer did not run) on the same workload and metric, oriented so
    that above 1 means faster than the peer (peer time / time, or rate / peer rate).
        dotnet pwsh ./bench/compare.ps1                      # everything, full sizes (long)
        dotnet pwsh ./bench/compare.ps1 -Quick               # tiny sizes, 1 round: a smoke run
        dotnet pwsh ./bench/compare.ps1 -Workload batch, short-call

    The module's child processes run `dotnet pwsh` (the repository's dotnet tool, whose
    PowerShell engine is IL only) unless $env:POWERSHAI_BENCH_PWSH names another pwsh.dll:
    bench/precompile-pwsh.ps1 makes a ReadyToRun copy, as PowerShell's released packages are.
.PARAMETER Workload
    Names of bench/workloads/*.ps1 to run (default: all present).
.PARAMETER Size
    Bytes for the size-driven workloads (upload, download), instead of their defaults.
.PARAMETER Count
    Items for the count-driven workloads (calls, events), instead of their defaults.
.PARAMETER JsonPath
    Also writes the rows and the notes there as JSON (tests/pester/Bench.Tests.ps1 reads a -Quick
    run's to check that every workload still runs).
#>
param(
    [string[]] $Workload,
    [int] $Rounds = 3,
    [switch] $Quick,
    [long] $Size,
    [int] $Count,
    [string] $Peer = 'js',
    [string] $ModulePath,
    [switch] $SkipJs,
    [switch] $SkipPython,
    [switch] $SkipRealGradio,
    [string] $JsonPath
)
$ErrorActionPreference = 'Stop'
$repo = Split-Path $PSScriptRoot -Parent
# "a,b" from the command line (-File passes it as one string).
$Workload = @($Workload | ForEach-Object { $_ -split "," } | Where-Object { $_ })
if ($Quick -and -not $PSBoundParameters.ContainsKey('Rounds')) { $Rounds = 1 }
if (-not $ModulePath) { $ModulePath = Join-Path $repo 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1' }
if (-not (Test-Path $ModulePath)) { throw "No module at $ModulePath; run: dotnet pwsh ./build.ps1 build" }
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module (Join-Path $repo 'tests/pester/RealGradio.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'lib/Bench.psm1') -Force

function Get-BuiltPath([string] $Project) {
    (& dotnet msbuild (Join-Path $repo $Project) -nologo '-p:Configuration=Release' '-getProperty:TargetPath' | Out-String).Trim()
}

$files = @(Get-ChildItem (Join-Path $PSScriptRoot 'workloads') -Filter *.ps1 | Sort-Object Name |
        Where-Object { -not $Workload -or $_.BaseName -in $Workload })
if (-not $files) { throw "No workload matches '$($Workload -join ', ')' in bench/workloads." }
foreach ($f in $files) { . $f.FullName }

$context = @{
    ModulePath = $ModulePath; RepoRoot = $repo; Rounds = $Rounds; Quick = [bool]$Quick
    FakeGradioPath = Get-BuiltPath 'tests/FakeGradio'; FakeHubPath = Get-BuiltPath 'tests/FakeHub'
    PythonExe = '/opt/real-gradio-5.14.0/bin/gradio-python'
}
if ($Size) { $context.Size = $Size }
if ($Count) { $context.Count = $Count }
if ($SkipPython) { $context.Remove('PythonExe') }
$env:POWERSHAI_FAKEGRADIO_PATH = $context.FakeGradioPath
$env:POWERSHAI_FAKEHUB_PATH = $context.FakeHubPath
$notes = [Collections.Generic.List[string]]::new()
$servers = @()
$rows = [Collections.Generic.List[object]]::new()
try {
    if (-not $SkipJs) {
        $nodeDir = Join-Path $PSScriptRoot '.node'
        if (-not (Test-Path (Join-Path $nodeDir 'node_modules/@gradio/client/package.json'))) {
            $null = New-Item -ItemType Directory -Force $nodeDir
            Set-Content (Join-Path $nodeDir 'package.json') '{ "private": true }'
            Write-Host "npm install @gradio/client@2.7.0 into $nodeDir ..."
            $npm = Invoke-Bounded npm @('install', '--no-audit', '--no-fund', '--loglevel=error', '@gradio/client@2.7.0') 300 -WorkingDirectory $nodeDir
            if ($npm.ExitCode -ne 0) { $notes.Add("js: npm install failed: $($npm.Stderr.Trim())") }
        }
        if (Test-Path (Join-Path $nodeDir 'node_modules/@gradio/client/package.json')) { $context.NodeClientDir = $nodeDir }
    }

    Write-Host 'starting the servers ...'
    $fake = Start-FakeGradio -Profile v5 -App full
    $servers += $fake
    $context.FakeGradioUrl = $fake.Url
    if ($files.BaseName -contains 'hub-listing') {
        # The listing's 2,499 models (29 built in, 2,470 bulk); 129 with -Quick.
        $hub = Start-FakeHub -ServerArgument '--bulk-models', $(if ($Quick) { '100' } else { '2470' })
        $servers += $hub
        $context.FakeHubUrl = $hub.Url
    }
    if ($files.BaseName | Where-Object { $_ -in 'stream', 'download' }) {
        # One "stream" app (/count, /sized_file) for both.
        $stream = Start-FakeGradio -Profile v5 -App stream
        $servers += $stream
        $context.StreamGradioUrl = $stream.Url
    }
    if ($SkipRealGradio) { $notes.Add('genuine Gradio: skipped (-SkipRealGradio)') }
    elseif ($reason = Get-RealGradioSkipReason) { $notes.Add("genuine Gradio: skipped ($reason)") }
    else {
        $real = Start-RealGradio -App endpoints-app.py -Version 5.14.0
        $servers += $real
        $context.RealGradioUrl = $real.Url
        # /config and /info built once, so no client pays for the first.
        foreach ($path in 'config', 'gradio_api/info') { $null = & curl -s -m 30 -o /dev/null "$($real.Url)$path" }
    }

    foreach ($f in $files) {
        $name = (Get-Culture).TextInfo.ToTitleCase($f.BaseName) -replace '-', ''
        Write-Host "workload $($f.BaseName) ..."
        try {
            foreach ($row in & "Measure-${name}Workload" -Context $context) { $rows.Add($row) }
        } catch { $notes.Add("$($f.BaseName): failed: $_") }
    }
} finally {
    foreach ($s in $servers) { Stop-RealGradio $s }
}

function Get-Ratio($Row, $PeerRow) {
    if (-not $PeerRow -or -not $Row.Median -or -not $PeerRow.Median -or [double]::IsNaN($Row.Median) -or [double]::IsNaN($PeerRow.Median)) { return $null }
    $rate = $Row.Metric -match '/s\b'
    [math]::Round($(if ($rate) { $Row.Median / $PeerRow.Median } else { $PeerRow.Median / $Row.Median }), 2)
}

$cpu = (Get-Content /proc/cpuinfo -ErrorAction SilentlyContinue | Select-String '^model name' | Select-Object -First 1) -replace '^model name\s*:\s*', ''
"`ncompare, {0:yyyy-MM-dd HH:mm} UTC, {1} core(s) {2}, load {3}; module {4}; child pwsh: dotnet {7}; medians of {5} round(s){6}" -f [DateTime]::UtcNow, [Environment]::ProcessorCount, $cpu,
    ((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ')[0], $ModulePath, $Rounds, $(if ($Quick) { ', -Quick sizes' } else { '' }), (Get-PwshEntry)
$rows | ForEach-Object {
    $row = $_
    $same = @($rows | Where-Object { $_.Workload -eq $row.Workload -and $_.Metric -eq $row.Metric -and $_.Median -and -not [double]::IsNaN($_.Median) })
    $peerRow = $same | Where-Object Client -eq $Peer | Select-Object -First 1
    $peerName = $Peer
    if (-not $peerRow) { $peerRow = $same | Where-Object Client -eq 'curl' | Select-Object -First 1; $peerName = 'curl' }
    [pscustomobject]@{
        Workload = $row.Workload; Metric = $row.Metric; Client = $row.Client
        Median = '{0:G4}' -f $row.Median; PeakMB = $row.PeakMB; Rounds = $row.Rounds
        'x peer' = Get-Ratio $row $peerRow; Peer = if ($peerRow) { $peerName } else { '' }
        Note = $row.Note
    }
} | Format-Table -Property Workload, Metric, Client, Median, 'x peer', Peer, PeakMB, Rounds, Note -AutoSize | Out-String -Width 250 | ForEach-Object TrimEnd
'("x peer" above 1: faster than the peer on that row''s workload and metric)'
if ($notes.Count) { ''; 'notes:'; $notes | ForEach-Object { "  $_" } }
if ($JsonPath) { @{ rows = @($rows); notes = @($notes) } | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $JsonPath }
