#Requires -Version 7.2
<#
.SYNOPSIS
    Compiles docs/cmdlets/*.md to MAML and docs/about/*.md to about_*.help.txt in a built module.

.DESCRIPTION
    build.ps1 runs this after it lays out out/PowershAI.HuggingFace/. It

    1. imports the built module in a child pwsh (Export-CommandMetadata.ps1) and reads each
       exported command's parameter sets, parameter types, positions, pipeline input and aliases;
    2. parses every docs/cmdlets/<Command>.md (format: docs/cmdlets/README.md);
    3. fails when an exported command has no doc, a doc has no command, a doc names a parameter
       the command lacks, a parameter has no description, or a doc lacks a synopsis, a
       description, two examples, INPUTS or OUTPUTS;
    4. writes en-US/<RootModule>-Help.xml (command help MAML: syntax and parameter facts from the
       metadata, words from the markdown) and en-US/about_<Topic>.help.txt beside the module.

    Skipped when neither the docs, these scripts nor the module DLLs changed since the last run
    (stamp: out/help.build-stamp); -Force runs it anyway. With POWERSHAI_HELP_ALLOW_MISSING=1, an
    exported command without a doc is only a warning (for local work while its doc is written).

.EXAMPLE
    dotnet pwsh build/help/Build-Help.ps1 -ModuleDir out/PowershAI.HuggingFace -Force
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    [string] $DocsDir = (Join-Path $PSScriptRoot '../../docs'),
    [switch] $Force
)
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'HelpMarkdown.psm1') -Force

$ModuleDir = (Resolve-Path $ModuleDir).Path
$DocsDir = (Resolve-Path $DocsDir).Path
$manifestPath = @(Get-ChildItem $ModuleDir -Filter *.psd1 -File)[0].FullName
$manifest = Import-PowerShellDataFile $manifestPath
$helpFileName = "$($manifest.RootModule)-Help.xml"   # the name PowerShell looks for: <assembly file name>-Help.xml
$cultureDir = Join-Path $ModuleDir 'en-US'
$cmdletDocs = Join-Path $DocsDir 'cmdlets'
$aboutDocs = Join-Path $DocsDir 'about'
$stampFile = Join-Path (Split-Path $ModuleDir -Parent) 'help.build-stamp'

#region up to date?

$inputs = @(
    Get-ChildItem $cmdletDocs, $aboutDocs -Filter *.md -File -ErrorAction SilentlyContinue
    Get-ChildItem $PSScriptRoot -File
    Get-ChildItem $ModuleDir -Filter *.dll -File
    Get-Item $manifestPath
) | Sort-Object FullName
$fingerprint = ($inputs | ForEach-Object { '{0}|{1}|{2}' -f $_.FullName, $_.Length, $_.LastWriteTimeUtc.Ticks }) -join "`n"
$fingerprint = [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes($fingerprint)))
if (-not $Force -and (Test-Path (Join-Path $cultureDir $helpFileName)) -and (Test-Path $stampFile) -and
    (Get-Content -Raw $stampFile).Trim() -eq $fingerprint) {
    Write-Host "help: up to date ($helpFileName)"
    return
}
Remove-Item $stampFile -ErrorAction Ignore

#endregion

#region metadata from the built module (child pwsh)

function Get-PwshCommand {
    # The same PowerShell as this script; under `dotnet pwsh` that is dotnet <PSHOME>/pwsh.dll.
    $exe = [Environment]::ProcessPath
    if ((Split-Path -Leaf $exe) -match '^dotnet(\.exe)?$') { return @($exe, (Join-Path $PSHOME 'pwsh.dll')) }
    return @($exe)
}

$metadataFile = Join-Path ([IO.Path]::GetTempPath()) "phf-help-metadata-$PID.json"
try {
    $pwsh = @(Get-PwshCommand)
    $childArgs = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File',
        (Join-Path $PSScriptRoot 'Export-CommandMetadata.ps1'), '-ModuleManifest', $manifestPath, '-OutFile', $metadataFile)
    & $pwsh[0] @childArgs | Out-Host
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path $metadataFile)) { throw "Reading the commands of $manifestPath in a child pwsh failed (exit code $LASTEXITCODE)." }
    $metadata = Get-Content -Raw $metadataFile | ConvertFrom-Json
} finally {
    Remove-Item $metadataFile -ErrorAction Ignore
}

#endregion

#region read and check the docs

$problems = [Collections.Generic.List[string]]::new()
$docs = @{}
foreach ($file in Get-ChildItem $cmdletDocs -Filter *.md -File | Where-Object Name -ne 'README.md' | Sort-Object Name) {
    try {
        $doc = Read-CmdletHelpMarkdown $file.FullName
    } catch {
        $problems.Add("$_"); continue
    }
    if ($doc.Name -ne $file.BaseName) { $problems.Add("$($file.Name): its heading says '# $($doc.Name)'; the file must be named after the command."); continue }
    $docs[$doc.Name] = $doc
}

# Risk-mitigation parameters get the standard text unless a doc says more.
$standardParameters = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

$commands = @($metadata.Commands)
# While a new command's doc is being written, POWERSHAI_HELP_ALLOW_MISSING=1 turns "no doc" into a
# warning (that command gets no help, so Help.Tests.ps1 still fails for it). CI never sets it.
$allowMissing = $env:POWERSHAI_HELP_ALLOW_MISSING -eq '1'
$undocumented = [Collections.Generic.List[string]]::new()
foreach ($command in $commands) {
    $doc = $docs[$command.Name]
    if (-not $doc) {
        if ($allowMissing) { $undocumented.Add($command.Name) }
        else { $problems.Add("$($command.Name) is exported but has no docs/cmdlets/$($command.Name).md (format: docs/cmdlets/README.md; POWERSHAI_HELP_ALLOW_MISSING=1 builds anyway while you write it).") }
        continue
    }
    $where = $doc.File
    if (-not $doc.Synopsis) { $problems.Add("${where}: ## SYNOPSIS is empty or missing.") }
    if (-not $doc.Description) { $problems.Add("${where}: ## DESCRIPTION is empty or missing.") }
    if ($doc.Examples.Count -lt 2) { $problems.Add("${where}: has $($doc.Examples.Count) example(s); every command needs at least two.") }
    foreach ($ex in $doc.Examples) { if (-not $ex.Remarks) { $problems.Add("${where}: Example $($ex.Number) ($($ex.Title)) says nothing after its code block.") } }
    if ($doc.Inputs.Count -eq 0) { $problems.Add("${where}: ## INPUTS is missing (write '### None' when nothing is piped in).") }
    if ($doc.Outputs.Count -eq 0) { $problems.Add("${where}: ## OUTPUTS is missing (write '### None' when nothing is written).") }
    $actual = @($command.ParameterSets.Parameters.Name | Select-Object -Unique)
    foreach ($name in $doc.Parameters.Keys) {
        if ($name -cnotin $actual) {
            $hint = @($actual | Where-Object { $_ -eq $name })
            $why = if ($hint) { " (it is spelled -$($hint[0]))" } else { '' }
            $problems.Add("${where}: describes -$name, which $($command.Name) does not have$why.")
        } elseif (-not $doc.Parameters[$name].Description) { $problems.Add("${where}: -$name has no description.") }
    }
    foreach ($name in $actual) {
        if (-not $doc.Parameters.Contains($name) -and -not $standardParameters.ContainsKey($name)) {
            $problems.Add("${where}: -$name of $($command.Name) is not described under ## PARAMETERS.")
        }
    }
}
foreach ($name in $docs.Keys | Sort-Object) {
    if ($name -notin $commands.Name) { $problems.Add("$($docs[$name].File) documents $name, which the module does not export.") }
}
if ($undocumented.Count) {
    Write-Warning "POWERSHAI_HELP_ALLOW_MISSING=1: no help for $($undocumented.Count) exported command(s) without a doc: $($undocumented -join ', ')."
}
if ($problems.Count) {
    throw "Help docs do not match the module ($($problems.Count) problem(s)):`n  - $($problems -join "`n  - ")"
}

#endregion

#region MAML

$ns = @{
    msh     = 'http://msh'
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function Write-Paragraphs($w, [string[]] $Paragraphs) {
    foreach ($p in $Paragraphs) { $w.WriteElementString('para', $ns.maml, $p) }
    if (-not $Paragraphs) { $w.WriteElementString('para', $ns.maml, '') }
}

function Write-Description($w, [string[]] $Paragraphs) {
    $w.WriteStartElement('maml', 'description', $ns.maml)
    Write-Paragraphs $w $Paragraphs
    $w.WriteEndElement()
}

function Get-PipelineText($Parameters) {
    $byValue = [bool]@($Parameters | Where-Object ByValue).Count
    $byName = [bool]@($Parameters | Where-Object ByPropertyName).Count
    if ($byValue -and $byName) { return 'True (ByValue, ByPropertyName)' }
    if ($byValue) { return 'True (ByValue)' }
    if ($byName) { return 'True (ByPropertyName)' }
    return 'False'
}

function Write-Parameter($w, $Command, $Doc, [object[]] $Instances, [bool] $InSyntax) {
    # $Instances: the parameter as it appears in one set (syntax) or in all its sets (parameters).
    $first = $Instances[0]
    $name = $first.Name
    $docParam = if ($Doc.Parameters.Contains($name)) { $Doc.Parameters[$name] } else { $null }
    $description = if ($docParam) { $docParam.Description } else { @($standardParameters[$name]) }
    $required = @($Instances | Where-Object { -not $_.Mandatory }).Count -eq 0
    $positions = @($Instances | Where-Object { $null -ne $_.Position } | ForEach-Object Position | Select-Object -Unique)
    $position = if ($positions.Count) { "$($positions[0])" } else { 'named' }
    $aliases = @($Instances | ForEach-Object { $_.Aliases } | Where-Object { $_ } | Select-Object -Unique)
    $w.WriteStartElement('command', 'parameter', $ns.command)
    $w.WriteAttributeString('required', $required.ToString().ToLowerInvariant())
    $w.WriteAttributeString('variableLength', 'true')
    $w.WriteAttributeString('globbing', ([bool]($docParam -and $docParam.Globbing)).ToString().ToLowerInvariant())
    $w.WriteAttributeString('pipelineInput', (Get-PipelineText $Instances))
    $w.WriteAttributeString('position', $position)
    $w.WriteAttributeString('aliases', $(if ($aliases) { $aliases -join ', ' } else { 'none' }))
    $w.WriteElementString('name', $ns.maml, $name)
    Write-Description $w $description
    $values = @($first.ValidValues) + @($first.Type.Enum) | Where-Object { $_ } | Select-Object -Unique
    if ($values -and $InSyntax) {
        $w.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($v in $values) {
            $w.WriteStartElement('command', 'parameterValue', $ns.command)
            $w.WriteAttributeString('required', 'false'); $w.WriteAttributeString('command', 'variableLength', $ns.command, 'false')
            $w.WriteString($v); $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    if (-not ($InSyntax -and $first.Type.IsSwitch)) {
        $w.WriteStartElement('command', 'parameterValue', $ns.command)
        $w.WriteAttributeString('required', (-not $first.Type.IsSwitch).ToString().ToLowerInvariant())
        $w.WriteAttributeString('variableLength', 'false')
        $w.WriteString($first.Type.Name); $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $ns.dev)
    $w.WriteElementString('name', $ns.maml, $first.Type.FullName)
    $w.WriteElementString('uri', $ns.maml, '')
    $w.WriteEndElement()
    $default = if ($docParam -and $docParam.Default) { $docParam.Default } elseif ($first.Type.IsSwitch) { 'False' } else { 'None' }
    $w.WriteElementString('defaultValue', $ns.dev, $default)
    $w.WriteEndElement()
}

function Get-SyntaxOrder($Parameter) {
    # Positional first (by position), then mandatory named, then the rest, WhatIf/Confirm last: as Get-Command -Syntax.
    if ($Parameter.Name -in 'WhatIf', 'Confirm') { return 3000 + [int]($Parameter.Name -eq 'Confirm') }
    if ($null -ne $Parameter.Position) { return [int]$Parameter.Position }
    if ($Parameter.Mandatory) { return 1000 }
    return 2000
}

function Write-TypeList($w, [string] $ListName, [string] $ItemName, $Entries) {
    $w.WriteStartElement('command', $ListName, $ns.command)
    foreach ($entry in $Entries) {
        $w.WriteStartElement('command', $ItemName, $ns.command)
        $w.WriteStartElement('dev', 'type', $ns.dev)
        $w.WriteElementString('name', $ns.maml, $entry.Type)
        $w.WriteEndElement()
        Write-Description $w $entry.Description
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
}

function Write-CommandHelp($w, $Command, $Doc) {
    $w.WriteStartElement('command', 'command', $ns.command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $w.WriteAttributeString('xmlns', 'command', $null, $ns.command)
    $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $w.WriteAttributeString('xmlns', 'MSHelp', $null, $ns.MSHelp)

    $w.WriteStartElement('command', 'details', $ns.command)
    $w.WriteElementString('name', $ns.command, $Command.Name)
    $w.WriteElementString('verb', $ns.command, $Command.Verb)
    $w.WriteElementString('noun', $ns.command, $Command.Noun)
    Write-Description $w $Doc.Synopsis
    $w.WriteEndElement()

    Write-Description $w $Doc.Description

    # Syntax: one item per parameter set, the default set first.
    $w.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })) {
        $w.WriteStartElement('command', 'syntaxItem', $ns.command)
        $w.WriteElementString('name', $ns.maml, $Command.Name)
        $index = 0
        $ordered = @($set.Parameters | ForEach-Object { [pscustomobject]@{ P = $_; Key = (Get-SyntaxOrder $_); I = $index++ } } | Sort-Object Key, I)
        foreach ($entry in $ordered) { Write-Parameter $w $Command $Doc @($entry.P) $true }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    # Parameters: each once, in the doc's order, then any the doc leaves to the standard text.
    $all = @($Command.ParameterSets.Parameters)
    $names = @($Doc.Parameters.Keys) + @($all.Name | Select-Object -Unique | Where-Object { $_ -notin $Doc.Parameters.Keys })
    $w.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($name in $names) { Write-Parameter $w $Command $Doc @($all | Where-Object Name -eq $name) $false }
    $w.WriteEndElement()

    Write-TypeList $w 'inputTypes' 'inputType' $Doc.Inputs
    Write-TypeList $w 'returnValues' 'returnValue' $Doc.Outputs

    $w.WriteStartElement('maml', 'alertSet', $ns.maml)
    $w.WriteStartElement('maml', 'alert', $ns.maml)
    Write-Paragraphs $w $Doc.Notes
    $w.WriteEndElement(); $w.WriteEndElement()

    $w.WriteStartElement('command', 'examples', $ns.command)
    foreach ($ex in $Doc.Examples) {
        $w.WriteStartElement('command', 'example', $ns.command)
        $w.WriteElementString('title', $ns.maml, "--------- Example $($ex.Number): $($ex.Title) ---------")
        $w.WriteElementString('code', $ns.dev, $ex.Code)
        $w.WriteStartElement('dev', 'remarks', $ns.dev)
        Write-Paragraphs $w (@($ex.Intro) + @($ex.Remarks))
        $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in $Doc.Links) {
        $w.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $w.WriteElementString('linkText', $ns.maml, $link.Text)
        $w.WriteElementString('uri', $ns.maml, $link.Uri)
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteEndElement()
}

$null = New-Item -ItemType Directory -Force $cultureDir
$helpPath = Join-Path $cultureDir $helpFileName
$settings = [Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [Text.UTF8Encoding]::new($false)
$writer = [Xml.XmlWriter]::Create($helpPath, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', $ns.msh)
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($command in $commands | Where-Object { $docs[$_.Name] } | Sort-Object Name) { Write-CommandHelp $writer $command $docs[$command.Name] }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
} finally {
    $writer.Dispose()
}
$null = [xml](Get-Content -Raw $helpPath)   # well-formed, or the build stops here

#endregion

#region about topics

$abouts = @(Get-ChildItem $aboutDocs -Filter 'about_*.md' -File -ErrorAction SilentlyContinue)
foreach ($about in $abouts) {
    $text = ConvertTo-AboutText $about.FullName
    [IO.File]::WriteAllText((Join-Path $cultureDir "$($about.BaseName).help.txt"), $text, [Text.UTF8Encoding]::new($false))
}

#endregion

Set-Content -Path $stampFile -Value $fingerprint
$exampleCount = ($docs.Values | ForEach-Object { $_.Examples.Count } | Measure-Object -Sum).Sum
Write-Host "help: $($commands.Count) command(s), $exampleCount example(s) -> en-US/$helpFileName; $($abouts.Count) about topic(s)"
