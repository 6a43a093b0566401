<#
.SYNOPSIS
    Packs a laid-out module folder into a Gallery-ready .nupkg.
.DESCRIPTION
    Publish-PSResource into a throwaway local repository: the same packing the PowerShell
    Gallery gets, with the manifest checked on the way. Used by `build.ps1 package` and by
    tests/pester/Package.Tests.ps1. Returns the .nupkg file.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputDirectory
)
$ErrorActionPreference = 'Stop'
$null = New-Item -ItemType Directory -Force $OutputDirectory
$repository = "PowershAI-HuggingFace-pack-$PID"
Register-PSResourceRepository -Name $repository -Uri (Resolve-Path $OutputDirectory).Path -Trusted
try {
    Publish-PSResource -Path $ModulePath -Repository $repository
} finally {
    Unregister-PSResourceRepository -Name $repository
}
$manifest = Import-PowerShellDataFile (Join-Path $ModulePath 'PowershAI.HuggingFace.psd1')
Get-Item (Join-Path $OutputDirectory "PowershAI.HuggingFace.$($manifest.ModuleVersion).nupkg")
