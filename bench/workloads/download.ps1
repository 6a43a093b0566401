<#
.SYNOPSIS
    Workload "download": a call whose output is a 1 GiB file (the fake Gradio server's "stream"
    app, /sized_file, which serves a sparse file of zeros), downloaded to a local folder.
    Metric: MB/s (MiB of the file / seconds), and the client process's peak memory.
.DESCRIPTION
    Dot-source and call Measure-DownloadWorkload -Context @{...} (bench/compare.ps1 does), or run
    this file: dotnet pwsh ./bench/workloads/download.ps1 [-Size 1073741824] [-Rounds 3]
    - curl: GET of the file's URL (taken from the call's result) to a file; curl's time_total.
    - module: a generated function on a session (`BenchSizedFile -Bytes <Size> -OutputDirectory <dir> -Result`),
      which makes the call and downloads its file output, timed whole (the call itself is a few ms)
      in one long-lived child process after an untimed 1 MiB warm-up call.
    The file is deleted after each round. Context keys read: ModulePath, FakeGradioPath, Rounds,
    Size (bytes; Quick without Size: 8 MiB), StreamGradioUrl (a running "stream" app; else one is started and stopped here).
#>

Import-Module (Join-Path $PSScriptRoot '../lib/Bench.psm1')

function Measure-DownloadWorkload {
    param([Parameter(Mandatory)] [hashtable] $Context)
    $repo = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $size = if ($Context['Size']) { [long]$Context['Size'] } elseif ($Context.Quick) { 8MB } else { 1GB }
    $rounds = if ($Context.Rounds) { [int]$Context.Rounds } else { 3 }
    $mib = $size / 1MB
    $server = $null
    $url = $Context.StreamGradioUrl
    if (-not $url) {
        Import-Module (Join-Path $repo 'tests/pester/RealGradio.psm1') -Scope Local
        if ($Context.FakeGradioPath) { $env:POWERSHAI_FAKEGRADIO_PATH = $Context.FakeGradioPath }
        $server = Start-FakeGradio -Profile v5 -App stream
        $url = $server.Url
    }
    $folder = Join-Path ([IO.Path]::GetTempPath()) "bench-download-$PID"
    $null = New-Item -ItemType Directory -Force $folder
    $moduleChild = @'
param($Manifest, $Url, $Size, $Rounds, $Folder)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$null = New-GradioSession $Url -Name bench
$null = New-GradioSessionApiProxyFunction -Session bench -Prefix Bench
$ProgressPreference = 'SilentlyContinue'
Get-Item (BenchSizedFile -Bytes 1048576 -OutputDirectory $Folder -Result) | Remove-Item
$times = @()
foreach ($i in 1..$Rounds) {
    [GC]::Collect()
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $file = BenchSizedFile -Bytes ([long]$Size) -OutputDirectory $Folder -Result
    $times += $sw.Elapsed.TotalMilliseconds
    if ((Get-Item $file).Length -ne [long]$Size) { throw "downloaded $((Get-Item $file).Length) bytes, not $Size" }
    Remove-Item $file
}
@{ times_ms = $times; peak_mb = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 / 1MB } | ConvertTo-Json -Compress
'@
    try {
        # The file's URL, from one call made the way curl would.
        $id = (Invoke-RestMethod -Method Post -Uri "${url}gradio_api/call/sized_file" -ContentType 'application/json' -Body "{`"data`":[$size]}").event_id
        $events = (Invoke-WebRequest -Uri "${url}gradio_api/call/sized_file/$id").Content
        $fileUrl = (($events -split "`n" | Where-Object { $_ -like 'data:*' } | Select-Object -Last 1).Substring(5) | ConvertFrom-Json)[0].url
        Write-Host "download: curl, $rounds x $mib MiB ..."
        $curl = foreach ($i in 1..$rounds) {
            $target = Join-Path $folder 'curl.bin'
            $t = & curl -s --max-time 600 -o $target -w '%{time_total}' $fileUrl
            if ((Get-Item $target).Length -ne $size) { throw "curl downloaded $((Get-Item $target).Length) bytes, not $size" }
            Remove-Item $target
            [double]::Parse($t, [cultureinfo]::InvariantCulture)
        }
        New-BenchResult 'download' 'curl' 'MB/s' @($curl | ForEach-Object { $mib / $_ }) $null
        Write-Host "download: module, $rounds x $mib MiB ..."
        $r = Invoke-JsonChild pwsh -Script $moduleChild -ArgumentList $Context.ModulePath, $url, $size, $rounds, $folder -TimeoutSec ([Math]::Max(300, $rounds * 120)) -WorkingDirectory $repo
        New-BenchResult 'download' 'module' 'MB/s' @($r.times_ms | ForEach-Object { $mib / ($_ / 1000) }) $r.peak_mb
    } finally {
        Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
        if ($server) { Stop-RealGradio $server }
    }
}

if ($MyInvocation.InvocationName -ne '.') {
    $repoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $argsTable = @{ Rounds = 3; Size = 1GB; ModulePath = (Join-Path $repoRoot 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1') }
    for ($i = 0; $i -lt $args.Count; $i += 2) { $argsTable[$args[$i].TrimStart('-')] = $args[$i + 1] }
    $ErrorActionPreference = 'Stop'
    Measure-DownloadWorkload -Context $argsTable | Format-Table -AutoSize
}
