# Runs every example block of docs/cmdlets/*.md against genuine Gradio 5.14.0: simple-app.py
# stands in for http://127.0.0.1:7860 and endpoints-app.py for http://127.0.0.1:7861. Each block
# runs alone in a fresh runspace with the built module imported, in an empty temporary folder,
# and fails on any error record or exception. Sessions are removed after each block (they are
# process-wide); generated functions go with the runspace. Examples marked
# <!-- example: no-run <reason> --> are reported as skipped with that reason (docs/cmdlets/README.md).
#
# The Hub examples run against the project's Hub emulator (tests/FakeHub), whose Space owner/demo
# is served by the simple app: HF_ENDPOINT, HF_INFERENCE_ENDPOINT and HF_TOKEN (alice's write
# token) point every block at it, HF_HOME is an empty temporary folder (so -Persist never touches
# the real token file), and before each block the Spaces go back to their seeded stages and the
# session token (Set-HuggingFaceToken) is forgotten, so no block depends on the one before.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../build/help/HelpMarkdown.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable 'Help examples'

    $docs = Join-Path $PSScriptRoot '../../docs/cmdlets'
    $script:Examples = @(
        foreach ($file in Get-ChildItem $docs -Filter *.md -File | Where-Object Name -ne 'README.md' | Sort-Object Name) {
            $doc = Read-CmdletHelpMarkdown $file.FullName
            foreach ($ex in $doc.Examples) {
                @{ File = $file.Name; Command = $doc.Name; Number = $ex.Number; Title = $ex.Title; Code = $ex.Code; NoRun = $ex.NoRun }
            }
        }
    )
    $noRun = @($Examples | Where-Object NoRun)
    Write-Host ("Help examples: {0} blocks in {1} docs, {2} marked no-run." -f $Examples.Count, @($Examples.File | Select-Object -Unique).Count, $noRun.Count)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    $script:Manifest = (Resolve-Path $Manifest).Path
    Import-Module $Manifest -Force
    $script:ExampleTimeoutSec = 120

    function Invoke-ExampleBlock {
        <# Runs one block in a new runspace; returns output, error records and a terminating exception, if any. #>
        param([string] $Code, [string] $Folder)
        $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
        $iss.ImportPSModule([string[]] @($Manifest))
        $runspace = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace($iss)
        $runspace.Open()
        $ps = [PowerShell]::Create($runspace)
        try {
            $null = $ps.AddCommand('Set-Location').AddParameter('LiteralPath', $Folder).AddStatement()
            $null = $ps.AddScript($Code)
            $async = $ps.BeginInvoke()
            $exception = $null
            $output = @()
            if (-not $async.AsyncWaitHandle.WaitOne($ExampleTimeoutSec * 1000)) {
                $ps.Stop()
                $exception = "did not finish within $ExampleTimeoutSec s"
            } else {
                try { $output = @($ps.EndInvoke($async)) } catch { $exception = $_.Exception.InnerException ?? $_.Exception }
            }
            [pscustomobject]@{
                Output    = $output
                Errors    = @($ps.Streams.Error)
                Exception = $exception
            }
        } finally {
            $ps.Dispose()
            $runspace.Dispose()   # generated functions live in the runspace: they go with it
        }
    }
}

Describe 'Help examples on genuine Gradio 5.14.0' -Skip:(-not $HaveRealGradio) {
    BeforeAll {
        Get-GradioSession | Remove-GradioSession
        $script:Simple = Start-RealGradio -App simple-app.py -Version 5.14.0
        $script:Endpoints = Start-RealGradio -App endpoints-app.py -Version 5.14.0
        $script:Ran = 0

        # The Hub emulator, with owner/demo served by the simple app. The Hub variables are
        # process-wide, so every runspace sees them; the old values are put back in AfterAll.
        $script:HubServer = Start-FakeHub -Space "owner/demo=$($Simple.Url)"
        $script:HubUrl = $HubServer.Url.TrimEnd('/')
        $script:SavedEnv = Clear-HubEnvironment
        $script:HfHome = Join-Path ([IO.Path]::GetTempPath()) "phf-help-hfhome-$PID"
        $null = New-Item -ItemType Directory -Force $HfHome
        $env:HF_HOME = $HfHome
        $env:HF_ENDPOINT = $HubUrl
        $env:HF_INFERENCE_ENDPOINT = $HubServer.Url + 'v1'
        $env:HF_TOKEN = 'hf_alicetoken000000000000000000000000'
        # The seeded stages of the Spaces an example may change (tests/FakeHub/Seed.cs).
        $script:SeededStages = [ordered]@{
            'owner/demo'   = @{ stage = 'RUNNING' }
            'owner/sleepy' = @{ stage = 'SLEEPING' }
            'owner/broken' = @{ stage = 'RUNTIME_ERROR'; message = "Exit code: 1. Reason: ModuleNotFoundError: No module named 'transformers'" }
            'owner/paused' = @{ stage = 'PAUSED' }
        }
        function script:Clear-SessionToken {
            # Set-HuggingFaceToken keeps its token for the whole process. Until the module's core
            # assembly is loaded, no block can have set one.
            $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'PowershAI.HuggingFace.Core' }
            foreach ($a in $core) { $a.GetType('PowershAI.HuggingFace.Core.Hub.TokenSource')::SetSessionToken($null) }
        }
    }
    AfterAll {
        Get-GradioSession | Remove-GradioSession
        Clear-SessionToken
        $HubServer, $Simple, $Endpoints | Where-Object { $_ } | ForEach-Object { Stop-RealGradio $_ }
        Restore-HubEnvironment $SavedEnv
        if ($HfHome) { Remove-Item -Recurse -Force $HfHome -ErrorAction SilentlyContinue }
        Write-Host "Help examples: $Ran run against Gradio 5.14.0 and the Hub emulator."
    }
    BeforeEach {
        # Whatever the block before did (suspend, restart, wake, Set-HuggingFaceToken, -Persist),
        # this one starts from the seeded Hub state.
        foreach ($kv in $SeededStages.GetEnumerator()) {
            $query = "space=$([uri]::EscapeDataString($kv.Key))&stage=$($kv.Value.stage)"
            if ($kv.Value['message']) { $query += "&message=$([uri]::EscapeDataString($kv.Value['message']))" }
            $null = Invoke-RestMethod -Method Post -Uri "$HubUrl/__fakehub/stage?$query"
        }
        Clear-SessionToken
        Get-ChildItem -LiteralPath $HfHome -Force | Remove-Item -Recurse -Force
    }
    AfterEach {
        Get-GradioSession | Remove-GradioSession   # sessions are process-wide: none may leak into the next block
    }

    It '<File> example <Number>: <Title>' -ForEach $Examples {
        if ($NoRun) {
            Set-ItResult -Skipped -Because "marked no-run in $File ($NoRun)"
            return
        }
        $code = $Code.Replace('http://127.0.0.1:7860', $Simple.Url.TrimEnd('/')).Replace('http://127.0.0.1:7861', $Endpoints.Url.TrimEnd('/'))
        $folder = Join-Path ([IO.Path]::GetTempPath()) "phf-help-example-$PID-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $null = New-Item -ItemType Directory $folder
        try {
            $result = Invoke-ExampleBlock -Code $code -Folder $folder
        } finally {
            Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
        }
        $script:Ran++
        $problems = @(
            if ($result.Exception) { "exception: $($result.Exception)" }
            foreach ($e in $result.Errors) { "error record $($e.FullyQualifiedErrorId): $e" }
        )
        $problems | Should -BeNullOrEmpty -Because "the example must run cleanly. Code:`n$code`nOutput:`n$($result.Output | Out-String -Width 160)"
    }
}
