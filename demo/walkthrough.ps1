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
$missing = @('Get-GradioInfo', 'Send-GradioApi', 'Update-GradioApiResult') |
    Where-Object { -not (Get-Command $_ -Module PowershAI.HuggingFace -ErrorAction SilentlyContinue) }
if ($missing) {
    Write-Host "The module imported from $ModulePath does not export $($missing -join ', '); the walkthrough cannot run." -ForegroundColor Red
    exit 1
}
# ($url below is this same variable: PowerShell variable names ignore case. The lines
# are kept exactly as the seed writes them.)

Write-Host "`n# `$AppInfo = Get-GradioInfo $url"
$AppInfo = Get-GradioInfo $url

Write-Host "`n# `$AppInfo.named_endpoints.'/op1'.parameters"
$AppInfo.named_endpoints.'/op1'.parameters | Out-Host

Write-Host "`n# Send-GradioApi -AppUrl `$url -ApiName Op1 -Params @(3) | Update-GradioApiResult | Format-Table num, event, data"
Send-GradioApi -AppUrl $url -ApiName Op1 -Params @(3) | Update-GradioApiResult | Format-Table num, event, data | Out-Host
