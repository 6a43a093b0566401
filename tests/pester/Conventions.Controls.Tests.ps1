# Everyday web-client controls and PowerShell conventions (issue 9), the remaining items: a streamed
# chat answer shown as running text, Hub objects whose properties complete after a pipe, a Space
# host's 503 explained by the Space's stage, Start-HuggingFaceSpace like the other lifecycle
# commands, huggingface_hub's download timeouts, and the PowershAI warning on the warning stream.
# Against the project's Hub emulator (tests/FakeHub) and fake Gradio server, on 127.0.0.1.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
    [PowershAI.HuggingFace.ModuleState]::Reset()
    $script:Fake = Start-FakeGradio -Profile v5 -App full
    $script:HubServer = Start-FakeHub -Space "owner/demo=$($Fake.Url)"
    $script:Saved = Clear-HubEnvironment
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "phf-controls-$PID"
    $null = New-Item -ItemType Directory -Force $Work
    $env:HF_HOME = Join-Path $Work 'hf-home'
    $env:HF_ENDPOINT = $HubServer.Url.TrimEnd('/')
    $env:HF_INFERENCE_ENDPOINT = $HubServer.Url + 'v1'
    $env:HF_TOKEN = 'hf_alicetoken000000000000000000000000'

    # The emulator's test controls (tests/FakeHub/ControlRoutes.cs).
    function Set-SpaceStage([string] $Id, [string] $Stage) {
        $null = Invoke-RestMethod -Method Post "$($HubServer.Url)__fakehub/stage?space=$Id&stage=$Stage"
    }
    function Set-SpaceHost([string] $Id, [string] $Url) {
        $null = Invoke-RestMethod -Method Post "$($HubServer.Url)__fakehub/gradio-host?space=$Id&url=$([uri]::EscapeDataString($Url))"
    }
    function Add-FileStall([string] $Method, [int] $Seconds) {
        $null = Invoke-RestMethod -Method Post "$($HubServer.Url)__fakehub/stall?method=$Method&seconds=$Seconds"
    }
    function Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText }
}

AfterAll {
    Get-GradioSession | Remove-GradioSession
    Stop-RealGradio $HubServer
    Stop-RealGradio $Fake
    Restore-HubEnvironment $Saved
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}

Describe 'A streamed chat answer' {
    It 'is shown as running text, then written once as the whole completion' {
        $out = @(Invoke-HfInference some/model 'hello there' -Stream -InformationVariable shown 6>$null)
        $out.Count | Should -Be 1
        $out[0].choices[0].message.content | Should -Be 'Echo: hello there'
        $out[0].choices[0].finish_reason | Should -Be 'stop'
        $out[0].usage.completion_tokens | Should -Be 3
        $out[0].PSTypeNames | Should -Contain 'PowershAI.HuggingFace.ChatCompletion'
        # Host messages as Write-Host -NoNewline writes them: one per piece, then the line break.
        $pieces = @($shown | Where-Object { $_.Tags -contains 'PSHOST' } | ForEach-Object MessageData)
        $pieces.Count | Should -Be 4
        -join ($pieces | ForEach-Object Message) | Should -Be 'Echo: hello there'
        @($pieces | Where-Object NoNewLine).Count | Should -Be 3
    }

    It 'does not show the text twice: the completion''s view leaves it out' {
        $view = Invoke-HfInference some/model 'only once' -Stream 6>$null | Out-String
        $view | Should -BeLike '*finish_reason*stop*'
        $view | Should -Not -BeLike '*Echo: only once*'
    }

    It 'writes the pieces themselves to the pipeline with -AsChunks, and nothing else' {
        $pieces = @(Invoke-HfInference some/model 'hello there' -AsChunks -InformationVariable shown | ForEach-Object { "[$_]" })
        $pieces | Should -Be '[Echo:]', '[ hello]', '[ there]'
        $shown.Count | Should -Be 0
    }

    It 'hands each piece to -StreamCallback and writes the completion at the end, as PowershAI does' {
        $got = [Collections.Generic.List[string]]::new()
        $out = @(Invoke-HfInference some/model 'call me' -StreamCallback { param($piece) $got.Add($piece) } -InformationVariable shown)
        -join $got | Should -Be 'Echo: call me'
        $out.Count | Should -Be 1
        $out[0].choices[0].message.content | Should -Be 'Echo: call me'
        $shown.Count | Should -Be 0
    }
}

Describe 'Hub objects after a pipe' {
    It 'complete their property names in Select-Object, Sort-Object and Where-Object' {
        $models = Complete 'Find-HuggingFaceModel | Select-Object '
        foreach ($name in 'id', 'lastModified', 'downloads', 'likes', 'pipeline_tag') { $models | Should -Contain $name }
        Complete 'Find-HfModel -Author acme | Sort-Object last' | Should -Contain 'lastModified'
        Complete 'Get-HfModel acme/tiny-gpt | Where-Object down' | Should -Contain 'downloads'
        $datasets = Complete 'Find-HuggingFaceDataset | Select-Object '
        foreach ($name in 'id', 'lastModified', 'downloads', 'paperswithcode_id') { $datasets | Should -Contain $name }
        $spaces = Complete 'Get-HfSpace owner/demo | Select-Object '
        foreach ($name in 'id', 'sdk', 'runtime', 'host', 'GradioSession') { $spaces | Should -Contain $name }
        $me = Complete 'Get-HuggingFaceWhoami | Select-Object '
        foreach ($name in 'name', 'orgs', 'TokenSource') { $me | Should -Contain $name }
        $files = Complete 'Get-HfRepoFile acme/tiny-gpt | Select-Object '
        foreach ($name in 'Path', 'Size', 'Sha256') { $files | Should -Contain $name }
    }

    It 'keep their own properties and type names: a declared property they lack is not there' {
        $model = Find-HuggingFaceModel -Limit 1
        $model.PSTypeNames[0] | Should -Be 'PowershAI.HuggingFace.HuggingFaceModel'
        $model.PSTypeNames | Should -Contain 'PowershaiType:HuggingFaceModel'
        $model.PSObject.Properties.Name | Should -Not -Contain 'cardData'
        $model | ConvertTo-Json -Depth 1 | Should -Not -BeLike '*cardData*'
        ($model | Format-List * | Out-String) | Should -Not -BeLike '*cardData*'
        ($model | Add-Member -NotePropertyName cardData -NotePropertyValue @{ license = 'mit' } -PassThru).cardData.license | Should -Be 'mit'
        $space = Get-HfSpace owner/demo -NoGradioSession
        $space.control.GradioSession | Should -BeNullOrEmpty
        $space.PSTypeNames | Should -Contain 'PowershaiType:HuggingFaceSpace'
        (Get-HfMe).TokenSource | Should -BeLike '*HF_TOKEN*'
    }
}

Describe 'A Space whose host answers 503' {
    BeforeEach {
        Get-GradioSession | Remove-GradioSession
        Set-SpaceHost owner/sleepy "$($HubServer.Url)spaces-host/owner/sleepy"
        Set-SpaceStage owner/sleepy SLEEPING
    }
    AfterAll {
        Set-SpaceHost owner/sleepy "$($HubServer.Url)spaces-host/owner/sleepy"
        Set-SpaceStage owner/sleepy SLEEPING
    }

    It 'says the Space is sleeping and that Start-HuggingFaceSpace wakes it' {
        # The host of a paused Space answers 503 and wakes nothing, so owner/sleepy stays SLEEPING.
        Set-SpaceHost owner/sleepy "$($HubServer.Url)spaces-host/owner/paused"
        $e = { Connect-HfSpaceGradio owner/sleepy } | Should -Throw -ErrorId 'GradioSpaceNotRunning,*' -PassThru
        "$e" | Should -BeLike '*owner/sleepy*503*SLEEPING*Start-HuggingFaceSpace owner/sleepy wakes it*'
        $e.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $e.ErrorDetails.RecommendedAction | Should -BeLike '*Start-HuggingFaceSpace*'
    }

    It 'says a Space is starting (the request woke it), naming the stage' {
        { Connect-HfSpaceGradio owner/sleepy } | Should -Throw -ErrorId 'GradioSpaceNotRunning,*' -ExpectedMessage '*APP_STARTING*Start-HuggingFaceSpace owner/sleepy -Wait*'
    }

    It 'explains a Gradio command given the Space''s URL, once the Hub has reported that host' {
        $url = (Get-HfSpace owner/paused -NoGradioSession -WarningAction SilentlyContinue).host
        { Get-GradioInfo $url } | Should -Throw -ErrorId 'GradioSpaceNotRunning,*' -ExpectedMessage '*owner/paused*PAUSED*Restart-HuggingFaceSpace owner/paused*'
        { New-GradioSession $url } | Should -Throw -ErrorId 'GradioSpaceNotRunning,*'
    }

    It 'leaves a 503 alone when the Hub says the Space runs' {
        Set-SpaceStage owner/sleepy RUNNING
        Set-SpaceHost owner/sleepy "$($HubServer.Url)spaces-host/owner/paused"
        $null = Get-HfSpace owner/sleepy -NoGradioSession
        { Connect-HfSpaceGradio owner/sleepy } | Should -Throw -ErrorId 'GradioHttpError,*' -ExpectedMessage '*503*'
    }
}

Describe 'Start-HuggingFaceSpace' {
    BeforeEach { Set-SpaceStage owner/sleepy SLEEPING }
    AfterAll { Set-SpaceStage owner/sleepy SLEEPING }

    It 'wakes a Space and returns at once, writing nothing, as PowershAI''s does' {
        Start-HfSpace owner/sleepy | Should -BeNullOrEmpty
        (Get-HfSpace owner/sleepy -NoGradioSession).runtime.stage | Should -Be 'APP_STARTING'
    }

    It 'waits with -Wait, and writes the Space with -PassThru, as Restart-HuggingFaceSpace does' {
        Start-HfSpace owner/sleepy -Wait -TimeoutSec 60 | Should -BeNullOrEmpty
        (Get-HfSpace owner/sleepy -NoGradioSession).runtime.stage | Should -Be 'RUNNING'
        $space = Start-HfSpace owner/demo -Wait -PassThru
        $space.runtime.stage | Should -Be 'RUNNING'
        $space.GradioSession.Name | Should -Be 'Space:owner/demo'
        $asleep = Start-HfSpace owner/sleepy -PassThru -WarningAction SilentlyContinue
        $asleep.id | Should -Be 'owner/sleepy'
        $asleep.GradioSession | Should -BeNullOrEmpty
    }

    It 'fails at once on a paused Space, waiting or not' {
        { Start-HfSpace owner/paused } | Should -Throw -ErrorId 'HuggingFaceSpaceNotRunning,*' -ExpectedMessage '*PAUSED*'
        { Start-HfSpace owner/paused -Wait } | Should -Throw -ErrorId 'HuggingFaceSpaceNotRunning,*'
    }

    It 'has the same switches as Restart-HuggingFaceSpace' {
        foreach ($name in 'Wait', 'PassThru', 'TimeoutSec', 'WhatIf') {
            (Get-Command Start-HuggingFaceSpace).Parameters.Keys | Should -Contain $name
            (Get-Command Restart-HuggingFaceSpace).Parameters.Keys | Should -Contain $name
        }
    }
}

Describe 'HF_HUB_ETAG_TIMEOUT and HF_HUB_DOWNLOAD_TIMEOUT' {
    BeforeEach {
        $script:Cache = Join-Path $Work "cache-$([guid]::NewGuid().ToString('N'))"
    }
    AfterEach {
        $env:HF_HUB_ETAG_TIMEOUT = $null
        $env:HF_HUB_DOWNLOAD_TIMEOUT = $null
    }

    It 'bounds the metadata request of a download by HF_HUB_ETAG_TIMEOUT' {
        $env:HF_HUB_ETAG_TIMEOUT = '1'
        Add-FileStall HEAD 5
        { Save-HfFile acme/tiny-gpt config.json -CacheDir $Cache -MaximumRetryCount 0 } | Should -Throw -ErrorId 'HuggingFaceTimeout,*'
    }

    It 'bounds the download itself by HF_HUB_DOWNLOAD_TIMEOUT' {
        $env:HF_HUB_DOWNLOAD_TIMEOUT = '1'
        Add-FileStall GET 5
        { Save-HfFile acme/tiny-gpt config.json -CacheDir $Cache -MaximumRetryCount 0 } | Should -Throw -ErrorId 'HuggingFaceTimeout,*'
    }

    It 'lets an explicit -TimeoutSec win over both' {
        $env:HF_HUB_ETAG_TIMEOUT = '1'
        $env:HF_HUB_DOWNLOAD_TIMEOUT = '1'
        Add-FileStall HEAD 2
        Add-FileStall GET 2
        $file = Save-HfFile acme/tiny-gpt config.json -CacheDir $Cache -MaximumRetryCount 0 -TimeoutSec 30
        Get-Content -Raw $file.FullName | Should -BeLike '*model_type*'
    }
}

Describe 'The PowershAI warning at import' {
    BeforeAll {
        function Invoke-Fresh([scriptblock] $Script) {
            $ps = [PowerShell]::Create()
            try {
                $null = $ps.AddScript('New-Module -Name PowershAI -ScriptBlock { function New-GradioSession { ''theirs'' } } | Import-Module').AddStatement()
                $null = $ps.AddScript($Script).AddArgument($Manifest)
                [pscustomobject]@{ Output = @($ps.Invoke()); Warnings = @($ps.Streams.Warning) }
            } finally { $ps.Dispose() }
        }
    }

    It 'goes to the warning stream: -WarningVariable collects it and -WarningAction hides it' {
        $r = Invoke-Fresh { param($m) Import-Module $m -WarningVariable w -WarningAction SilentlyContinue; "$w" }
        $r.Output[-1] | Should -BeLike '*PowershAI is loaded*New-GradioSession*PowershAI.HuggingFace\New-GradioSession*'
        $r.Warnings.Count | Should -Be 0
    }

    It 'is redirected by 3>&1 and silenced by $WarningPreference' {
        $r = Invoke-Fresh { param($m) $merged = Import-Module $m 3>&1; $merged | ForEach-Object { "$_" } }
        $r.Output | Should -BeLike '*PowershAI is loaded*'
        $r.Warnings.Count | Should -Be 0
        $quiet = Invoke-Fresh { param($m) $WarningPreference = 'SilentlyContinue'; Import-Module $m }
        $quiet.Warnings.Count | Should -Be 0
    }

    It 'is written once: the first cmdlet run does not repeat it' {
        $r = Invoke-Fresh { param($m) Import-Module $m; Get-GradioSession | Out-Null }
        $r.Warnings.Count | Should -Be 1
    }
}
