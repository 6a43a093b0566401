#
# Module manifest source for PowershAI.HuggingFace.
#
# This file is a template: build.ps1 replaces {{ModuleVersion}} with the <Version> from
# Directory.Build.props (the one place the version lives) and writes the result into
# out/PowershAI.HuggingFace/. Import the built copy, not this one.
#
@{
    RootModule           = 'PowershAI.HuggingFace.dll'
    ModuleVersion        = '{{ModuleVersion}}'
    GUID                 = '0b740c86-2cc9-4fd9-9e67-c1d79f95f08b'
    Author               = 'PowershAI.HuggingFace contributors'
    CompanyName          = 'PowershAI.HuggingFace contributors'
    Copyright            = '(c) 2026 PowershAI.HuggingFace contributors. MIT License.'
    Description          = 'Call Gradio apps (Hugging Face Spaces or any Gradio server) from PowerShell: discover endpoints, submit calls, stream their events and move files. A binary module for PowerShell 7 and Windows PowerShell 5.1.'

    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'

    # Every export is listed explicitly: no wildcards, so discovery needs no import and
    # nothing leaks out by accident. Harness.Tests.ps1 checks this list against the DLL.
    # One comma-separated list, not a name per line: each line of @( ) is a statement that
    # Import-Module evaluates on its own, and 47 of them cost it about 5 ms (bench/README.md).
    CmdletsToExport      = @(
        'Get-GradioInfo',
        'Send-GradioApi',
        'Update-GradioApiResult',
        'Stop-GradioApi',
        'Send-GradioFile',
        'Invoke-GradioHttp',
        'Save-GradioFile',
        'New-GradioSession',
        'Get-GradioSession',
        'Set-GradioSession',
        'Remove-GradioSession',
        'Send-GradioSessionFiles',
        'Invoke-GradioSessionApi',
        'Update-GradioSessionApiResult',
        'Get-GradioSessionApi',
        'Remove-GradioSessionApi',
        'Get-GradioEndpoint',
        'Invoke-GradioEndpoint',
        'New-GradioSessionApiProxyFunction',
        'Get-GradioSessionApiProxyFunction',
        'Remove-GradioSessionApiProxyFunction',
        'Invoke-HuggingFaceHub',
        'Get-HuggingFaceModel',
        'Find-HuggingFaceModel',
        'Get-HuggingFaceDataset',
        'Find-HuggingFaceDataset',
        'Get-HuggingFaceSpace',
        'Connect-HuggingFaceSpaceGradio',
        'Get-HuggingFaceWhoami',
        'Set-HuggingFaceToken',
        'Wait-HuggingFaceSpace',
        'Start-HuggingFaceSpace',
        'Restart-HuggingFaceSpace',
        'Suspend-HuggingFaceSpace',
        'Invoke-HuggingFaceInferenceApi',
        'Get-HuggingFaceRepoFile',
        'Save-HuggingFaceFile',
        'New-HuggingFaceRepo',
        'Remove-HuggingFaceRepo',
        'Send-HuggingFaceFile',
        'Copy-HuggingFaceSpace',
        'Set-HuggingFaceSpaceHardware',
        'Set-HuggingFaceSpaceSecret',
        'Remove-HuggingFaceSpaceSecret',
        'Get-HuggingFaceSpaceVariable',
        'Set-HuggingFaceSpaceVariable',
        'Remove-HuggingFaceSpaceVariable'
    )
    AliasesToExport      = @(
        'InvokeGradioApi', 'GradioApiFunction', 'Invoke-HfHub', 'Get-HfModel', 'Get-HfDataset', 'Get-HfSpace',
        'Connect-HfSpaceGradio', 'Get-HfWhoami', 'Get-HfMe', 'Set-HfToken', 'Wait-HfSpace', 'Invoke-HfInference',
        'Find-HfModel', 'Find-HfDataset', 'Start-HfSpace', 'Restart-HfSpace', 'Suspend-HfSpace',
        'Get-HfRepoFile', 'Save-HfFile', 'New-HfRepo', 'Remove-HfRepo', 'Send-HfFile',
        'Copy-HfSpace', 'Set-HfSpaceHardware', 'Set-HfSpaceSecret', 'Remove-HfSpaceSecret', 'Get-HfSpaceVariable',
        'Set-HfSpaceVariable', 'Remove-HfSpaceVariable'
    )
    FunctionsToExport    = @()
    # PowershAI.HuggingFace.Format.ps1xml is deliberately not in FormatsToProcess: the module's
    # first command in a runspace loads it (src/PowershAI.HuggingFace/Infrastructure/FormatData.cs),
    # which keeps the format table's rebuild out of Import-Module.
    VariablesToExport    = @()

    PrivateData          = @{
        PSData = @{
            Tags         = @('Gradio', 'HuggingFace', 'AI', 'PowershAI', 'Spaces', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'First release: every Gradio protocol from 3.x to 5.x (queue with progress, logs and gr.Error text; /call; 3.x WebSocket), sessions that keep gr.State, typed functions generated from an app''s endpoints with full help, file upload and download, Gradio login.'
        }
    }
}
