<#
.SYNOPSIS
    Runs the Pester suite; build.ps1 starts this in a child pwsh.
.DESCRIPTION
    A separate process because a binary module cannot be unloaded: the built DLL is
    imported here, and the next build can overwrite out/ freely. Writes NUnit XML and a
    small summary.json that build.ps1 reads for its totals.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $ResultDir
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
if ($env:CI) { $PSStyle.OutputRendering = 'PlainText' }

Import-Module $PesterManifest -Force
$env:POWERSHAI_HF_MODULE = $ModuleManifest   # tests import the module from here

# Import once up front so an import failure is visible at the top of the log. The tests
# still run when it fails: Harness.Tests.ps1 turns the failure into a test result.
$note = ''
try {
    Import-Module $ModuleManifest -Force
} catch {
    Write-Warning "Import-Module $ModuleManifest failed: $_"
    $note = 'the module did not import'
}

$config = New-PesterConfiguration
$config.Run.Path = $TestPath
$config.Run.PassThru = $true
$config.Run.Exit = $false
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = Join-Path $ResultDir 'pester.xml'

$result = Invoke-Pester -Configuration $config

function Get-BlockTests($Block) {
    $Block.Tests
    foreach ($child in $Block.Blocks) { Get-BlockTests $child }
}

# A failing BeforeAll already marks its tests failed, but a failing AfterAll or a test
# file that does not parse fails no test at all: count each of those as one failure, so
# a broken run can never look green.
$silentBlocks = @($result.FailedBlocks | Where-Object {
    -not (Get-BlockTests $_ | Where-Object Result -eq 'Failed')
})
$failed = $result.FailedCount + $silentBlocks.Count + $result.FailedContainersCount
[ordered]@{
    Passed  = $result.PassedCount
    Failed  = $failed
    Skipped = $result.SkippedCount + $result.NotRunCount + $result.InconclusiveCount
    Note    = $note
} | ConvertTo-Json | Set-Content (Join-Path $ResultDir 'summary.json')
exit ([int]($failed -gt 0))
