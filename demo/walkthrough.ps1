<#
.SYNOPSIS
    The seed walkthrough: discover a Gradio app, call its Op1 generator and print every
    event it streams.
.DESCRIPTION
    build.ps1 demo runs this in a child pwsh against simple-app.py (a genuine Gradio when
    one is available, else the project's fake server). It also works on its own:
        dotnet pwsh ./demo/walkthrough.ps1 -Url http://127.0.0.1:7860/
.PARAMETER Url
    The Gradio app, with or without a trailing slash.
.PARAMETER ModulePath
    The module to import; by default the one build.ps1 lays out in out/.
#>
param(
    [Parameter(Mandatory)] [string] $Url,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/PowershAI.HuggingFace/PowershAI.HuggingFace.psd1')
)
$ErrorActionPreference = 'Stop'
if ($env:CI) { $PSStyle.OutputRendering = 'PlainText' }

Import-Module $ModulePath
# ($url below is this same variable: PowerShell variable names ignore case. The lines
# are kept as the seed writes them.)

Write-Host "`n# `$AppInfo = Get-GradioInfo $url"
$AppInfo = Get-GradioInfo $url
Write-Host "Gradio $($AppInfo.Version), protocol $($AppInfo.Protocol), API at $($AppInfo.RealAppUrl)"

Write-Host "`n# `$AppInfo.named_endpoints.'/op1'.parameters"
$AppInfo.named_endpoints.'/op1'.parameters | Out-Host

# Each event is printed the moment it arrives (about one a second).
Write-Host "# Send-GradioApi -AppUrl `$url -ApiName Op1 -Params @(3) | Update-GradioApiResult"
Send-GradioApi -AppUrl $url -ApiName Op1 -Params @(3) | Update-GradioApiResult | ForEach-Object {
    Write-Host ('{0,3}  {1:HH:mm:ss.fff}  {2,-10}  {3}' -f $_.num, $_.ts, $_.event, ($_.data -join ', '))
}
