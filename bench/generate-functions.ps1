<#
.SYNOPSIS
    Benchmark: New-GradioSessionApiProxyFunction on a 300-endpoint app (target: under 0.5 s).
.DESCRIPTION
    Starts the fake server's "many" app (300 endpoints with 1 to 4 typed inputs each), opens a
    session, and times generating and loading all functions, several rounds (the first includes
    warm-up). A benchmark, not a test: it prints numbers and asserts nothing.
    bench/discovery.ps1 does the same at 2.5k to 20k endpoints.
        dotnet pwsh ./build.ps1 build; dotnet pwsh ./bench/generate-functions.ps1
        dotnet pwsh ./bench/generate-functions.ps1 -ModulePath /elsewhere/PowershAI.HuggingFace.psd1
#>
param([int] $Rounds = 5, [string] $ModulePath)
$ErrorActionPreference = 'Stop'
$repo = Split-Path $PSScriptRoot -Parent
if (-not $ModulePath) { $ModulePath = Join-Path $repo 'out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1' }
Import-Module (Join-Path $repo 'tests/pester/RealGradio.psm1')
Import-Module $ModulePath
$server = Start-FakeGradio -Profile v5 -App many
try {
    $session = New-GradioSession $server.Url -Name bench
    $times = foreach ($round in 1..$Rounds) {
        $elapsed = Measure-Command { $functions = New-GradioSessionApiProxyFunction -Session bench -Prefix Bench }
        $functions | Remove-GradioSessionApiProxyFunction
        [pscustomobject]@{ Round = $round; Functions = @($functions).Count; Seconds = [math]::Round($elapsed.TotalSeconds, 3) }
    }
    $times | Format-Table | Out-Host
    $warm = $times | Select-Object -Skip 1 | Measure-Object Seconds -Average -Minimum
    "generate 300 functions: warm mean {0:N3} s, best {1:N3} s (target < 0.5 s)" -f $warm.Average, $warm.Minimum
} finally {
    Remove-GradioSession bench -ErrorAction SilentlyContinue
    Stop-RealGradio $server
}
