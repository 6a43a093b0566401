<#
.SYNOPSIS
    Benchmark: discovery and function generation on apps of 2.5k to 20k endpoints.
.DESCRIPTION
    For each size, starts the fake server's "many:<count>" app and, in a fresh pwsh process
    (so the peak memory is that size's own), times:
      - fetch:    /config and /info read raw with HttpClient (after one untimed read that warms
                  the server up): the server's share of the next row, since the fake server
                  builds both on every request;
      - info:     Get-GradioInfo <url>, the first in the process (/config + /info again, the
                  app's description, and its PowerShell view);
      - session:  New-GradioSession on the same app (another read of /config + /info);
      - generate: New-GradioSessionApiProxyFunction for every endpoint (text and loading);
    and reports the process's peak working set. Growth should be near linear: the last
    columns give each time per 1000 endpoints. A benchmark, not a test: it asserts nothing.
        dotnet pwsh ./build.ps1 build; dotnet pwsh ./bench/discovery.ps1
        dotnet pwsh ./bench/discovery.ps1 -Sizes 2500, 5000 -ModulePath /elsewhere/PowershAI.HuggingFace.psd1
#>
param(
    [int[]] $Sizes = @(2500, 5000, 10000, 20000),
    [string] $ModulePath,
    [int] $ChildTimeoutSec = 1800
)
$ErrorActionPreference = 'Stop'
$repo = Split-Path $PSScriptRoot -Parent
if (-not $ModulePath) { $ModulePath = Join-Path $repo 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1' }
Import-Module (Join-Path $repo 'tests/pester/RealGradio.psm1')
# The /config of 10k endpoints is about 75 MB of JSON, past the module's default bound of 64 MB
# for one answer: the children inherit a higher one.
$env:POWERSHAI_HF_MAX_JSON_MB = '512'

# Runs in the child: one JSON line with the measures.
$child = {
    param($ModulePath, $Url)
    $ErrorActionPreference = 'Stop'
    Import-Module $ModulePath
    # The server's own share: /config and /info fetched raw, once to warm the server up, then timed.
    $http = [Net.Http.HttpClient]::new()
    $root = $Url.TrimEnd('/')
    $fetchBoth = {
        foreach ($path in 'config', 'gradio_api/info') {
            $response = $http.GetAsync("$root/$path", [Net.Http.HttpCompletionOption]::ResponseHeadersRead).Result
            $null = $response.EnsureSuccessStatusCode()
            $response.Content.CopyToAsync([IO.Stream]::Null).Wait()   # read, not kept: the peak stays the module's
            $response.Dispose()
        }
    }
    & $fetchBoth
    $fetch = Measure-Command $fetchBoth
    $http.Dispose()
    $info = Measure-Command { $null = Get-GradioInfo $Url }
    $session = Measure-Command { $null = New-GradioSession $Url -Name bench }
    $generate = Measure-Command { $functions = New-GradioSessionApiProxyFunction -Session bench -Prefix Bench }
    $process = [Diagnostics.Process]::GetCurrentProcess()
    [pscustomobject]@{
        Functions = @($functions).Count
        Fetch     = $fetch.TotalSeconds
        Info      = $info.TotalSeconds
        Session   = $session.TotalSeconds
        Generate  = $generate.TotalSeconds
        PeakMB    = [math]::Round($process.PeakWorkingSet64 / 1MB)
    } | ConvertTo-Json -Compress
}

$pwsh = [Environment]::ProcessPath
$pwshArgs = if ((Split-Path -Leaf $pwsh) -match '^dotnet(\.exe)?$') { @((Join-Path $PSHOME 'pwsh.dll')) } else { @() }
$rows = foreach ($size in $Sizes) {
    $server = Start-FakeGradio -Profile v5 -App "many:$size"
    try {
        $script = "& { $child } '$($ModulePath -replace "'", "''")' '$($server.Url)'"
        $start = [Diagnostics.ProcessStartInfo]::new($pwsh)
        foreach ($a in @($pwshArgs) + @('-NoProfile', '-NonInteractive', '-Command', $script)) { $start.ArgumentList.Add($a) }
        $start.RedirectStandardOutput = $true
        $process = [Diagnostics.Process]::Start($start)
        $output = $process.StandardOutput.ReadToEndAsync()
        if (-not $process.WaitForExit($ChildTimeoutSec * 1000)) { $process.Kill($true); throw "$size endpoints: the child took longer than $ChildTimeoutSec s" }
        if ($process.ExitCode -ne 0) { throw "$size endpoints: the child failed (exit code $($process.ExitCode))" }
        $line = $output.Result.Trim() -split "`n" | Select-Object -Last 1
        $m = $line | ConvertFrom-Json
        [pscustomobject]@{
            Endpoints      = $size
            Functions      = $m.Functions
            'Fetch s'      = [math]::Round($m.Fetch, 2)
            'Info s'       = [math]::Round($m.Info, 2)
            'Session s'    = [math]::Round($m.Session, 2)
            'Generate s'   = [math]::Round($m.Generate, 2)
            'Peak MB'      = $m.PeakMB
            'Info s/1k'    = [math]::Round($m.Info / $size * 1000, 3)
            'Generate s/1k' = [math]::Round($m.Generate / $size * 1000, 3)
        }
    } finally {
        Stop-RealGradio $server
    }
}
$rows | Format-Table -AutoSize | Out-String -Width 200
