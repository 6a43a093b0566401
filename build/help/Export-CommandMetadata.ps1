<#
.SYNOPSIS
    Imports a built module and writes what help needs to know of its commands as JSON.
.DESCRIPTION
    Build-Help.ps1 runs this in a child pwsh: a binary module cannot be unloaded, and importing
    it in the build's own process would lock the DLL for the next build. The JSON holds, for each
    exported cmdlet or function: verb, noun, output types and every parameter set with each
    parameter's type, mandatory flag, position, pipeline input, aliases and valid values. Common
    parameters are left out; -WhatIf and -Confirm are kept.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $OutFile
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$module = Import-Module $ModuleManifest -PassThru -Force
$common = [System.Management.Automation.Cmdlet]::CommonParameters

function Get-TypeInfo([type] $Type) {
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { $Type = $inner }
    $element = if ($Type.IsArray) { $Type.GetElementType() } else { $Type }
    [ordered]@{
        Name     = $Type.Name
        FullName = $Type.FullName
        IsSwitch = $Type -eq [System.Management.Automation.SwitchParameter]
        Enum     = if ($element.IsEnum) { @([enum]::GetNames($element)) } else { @() }
    }
}

$commands = foreach ($command in @($module.ExportedCmdlets.Values) + @($module.ExportedFunctions.Values)) {
    [ordered]@{
        Name                = $command.Name
        CommandType         = "$($command.CommandType)"
        Verb                = $command.Verb
        Noun                = $command.Noun
        DefaultParameterSet = $command.DefaultParameterSet
        OutputTypes         = @($command.OutputType | ForEach-Object { $_.Name })
        ParameterSets       = @(foreach ($set in $command.ParameterSets) {
            [ordered]@{
                Name       = $set.Name
                IsDefault  = $set.IsDefault
                Parameters = @(foreach ($p in $set.Parameters | Where-Object Name -NotIn $common) {
                    [ordered]@{
                        Name                  = $p.Name
                        Type                  = Get-TypeInfo $p.ParameterType
                        Mandatory             = $p.IsMandatory
                        Position              = if ($p.Position -ge 0) { $p.Position } else { $null }
                        ByValue               = $p.ValueFromPipeline
                        ByPropertyName        = $p.ValueFromPipelineByPropertyName
                        RemainingArguments    = $p.ValueFromRemainingArguments
                        Aliases               = @($p.Aliases)
                        ValidValues           = @($p.Attributes | Where-Object { $_ -is [ValidateSet] } | ForEach-Object { $_.ValidValues })
                    }
                })
            }
        })
    }
}
$aliases = foreach ($alias in $module.ExportedAliases.Values) {
    [ordered]@{ Name = $alias.Name; Target = $alias.ResolvedCommandName }
}
[ordered]@{
    Module   = $module.Name
    Version  = "$($module.Version)"
    Commands = @($commands)
    Aliases  = @($aliases)
} | ConvertTo-Json -Depth 12 | Set-Content -Encoding utf8 -Path $OutFile
