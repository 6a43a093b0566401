# PowerShell conventions (issue 9, sections 2 to 4): pipelines and inputs, objects and views,
# and living beside PowershAI. The project's fake Gradio server and Hub emulator serve the apps.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:Manifest = Get-TestModuleManifest
    Import-Module $Manifest -Force
    $script:Fake = Start-FakeGradio -Profile v5 -App full
    $script:HubServer = Start-FakeHub -Space "owner/demo=$($Fake.Url)"
    $script:Saved = Clear-HubEnvironment
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) "phf-conventions-$PID"
    $null = New-Item -ItemType Directory -Force $Work
    $env:HF_HOME = Join-Path $Work 'hf-home'
    $env:HF_ENDPOINT = $HubServer.Url.TrimEnd('/')
}

AfterAll {
    Get-GradioSessionApiProxyFunction '*' | Remove-GradioSessionApiProxyFunction
    Get-GradioSession | Remove-GradioSession
    Stop-RealGradio $HubServer
    Stop-RealGradio $Fake
    Restore-HubEnvironment $Saved
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}

Describe 'Pipelines and inputs' {
    BeforeEach { Get-GradioSession | Remove-GradioSession }

    It 'takes a Space object where an app URL is expected' {
        $space = Get-HfSpace owner/demo -NoGradioSession
        $session = $space | New-GradioSession -Name fromspace
        $session.AppUrl | Should -Be $Fake.Url
        ($space | Get-GradioInfo).named_endpoints.PSObject.Properties.Name | Should -Contain '/predict'
    }

    It 'refuses a Space that has no Gradio app, saying why' {
        $docker = Get-HfSpace fabrikam/docker-app -NoGradioSession
        { $docker | New-GradioSession -ErrorAction Stop } | Should -Throw '*docker Space, not a Gradio Space*'
    }

    It 'binds ApiName and Session by property name from Get-GradioEndpoint' {
        $null = New-GradioSession $Fake.Url -Name calc
        $null = New-GradioSession $Fake.Url -Name other
        $result = Get-GradioEndpoint calc predict | Invoke-GradioEndpoint -Params @{ num1 = 2; operation = 'add'; num2 = 3 }
        @($result)[-1].data | Should -Be 5
    }

    It 'refuses an input name the endpoint does not have, listing the known ones' {
        $null = New-GradioSession $Fake.Url
        { Invoke-GradioEndpoint predict -Params @{ num1 = 2; Bogus = 40 } } |
            Should -Throw "*has no parameter 'Bogus'*num1, operation, num2*"
    }

    It 'says a literal -ApiName matches nothing, and a wildcard that matches nothing is silent' {
        $null = New-GradioSession $Fake.Url
        { Get-GradioEndpoint -ApiName nope -ErrorAction Stop } | Should -Throw -ErrorId 'GradioApiNotFound*'
        @(Get-GradioEndpoint -ApiName 'nope*' -ErrorVariable wildErrors).Count | Should -Be 0
        $wildErrors.Count | Should -Be 0
        (Get-GradioEndpoint -ApiName predict, 'file_*').ApiName | Should -Be '/predict', '/file_echo', '/file_size'
    }

    It 'gives wildcards one meaning in Get-/Remove-GradioSession' {
        $null = New-GradioSession $Fake.Url -Name 'alpha-1'
        $null = New-GradioSession $Fake.Url -Name 'alpha-2'
        $null = New-GradioSession $Fake.Url -Name 'beta'
        (Get-GradioSession 'alpha*').Name | Should -Be 'alpha-1', 'alpha-2'
        @(Get-GradioSession 'zeta*' -ErrorAction Stop).Count | Should -Be 0
        { Get-GradioSession 'zeta' -ErrorAction Stop } | Should -Throw -ErrorId 'GradioSessionNotFound*'
        Remove-GradioSession 'zeta*' -ErrorAction Stop
        { Remove-GradioSession 'zeta' -ErrorAction Stop } | Should -Throw -ErrorId 'GradioSessionNotFound*'
        Remove-GradioSession 'alpha*'
        (Get-GradioSession).Name | Should -Be 'beta'
    }

    It 'removes generated functions by wildcard, silently when none match' {
        $null = New-GradioSession $Fake.Url
        $null = New-GradioSessionApiProxyFunction -ApiName predict, 'file_*' -Prefix Invoke-Conv
        @(Get-Command 'Invoke-ConvFile*').Count | Should -Be 2
        Remove-GradioSessionApiProxyFunction 'Invoke-ConvFile*'
        @(Get-Command 'Invoke-ConvFile*' -ErrorAction SilentlyContinue).Count | Should -Be 0
        Get-Command Invoke-ConvPredict | Should -Not -BeNullOrEmpty
        Remove-GradioSessionApiProxyFunction 'Invoke-Nothing*' -ErrorAction Stop
        { Remove-GradioSessionApiProxyFunction 'Invoke-Nothing' -ErrorAction Stop } | Should -Throw -ErrorId 'GradioFunctionNotFound*'
        Remove-GradioSessionApiProxyFunction Invoke-ConvPredict
    }

    It 'uploads a file whose name has brackets with -LiteralPath, and says when a wildcard matches nothing' {
        $file = Join-Path $Work 'a[1].txt'
        Set-Content -LiteralPath $file -Value 'bracket'
        { Send-GradioFile $Fake.Url $file -ErrorAction Stop } | Should -Throw -ErrorId 'GradioFileNotFound*'
        $sent = Send-GradioFile $Fake.Url -LiteralPath $file
        $sent.orig_name | Should -Be 'a[1].txt'
    }

    Context 'Save-GradioFile' {
        BeforeAll {
            $source = Join-Path $Work 'report.txt'
            Set-Content -LiteralPath $source -Value 'report body' -NoNewline
            $script:Uploaded = Send-GradioFile $Fake.Url $source
        }

        It 'saves to the file -Path names, and returns a provider item' {
            $target = Join-Path $Work 'named/copy.txt'
            $null = New-Item -ItemType Directory -Force (Split-Path $target)
            $saved = $Uploaded | Save-GradioFile -Path $target
            $saved.FullName | Should -Be $target
            Get-Content -Raw $target | Should -Be 'report body'
            $saved.PSProvider.Name | Should -Be 'FileSystem'
            $saved.PSPath | Should -BeLike '*FileSystem::*copy.txt'
        }

        It 'warns when it renames to avoid a clash, and -Force replaces the file' {
            $folder = Join-Path $Work 'clash'
            $null = New-Item -ItemType Directory -Force $folder
            Set-Content (Join-Path $folder 'report.txt') 'old'
            $renamed = $Uploaded | Save-GradioFile -Path $folder -WarningVariable warned 3>$null
            $renamed.Name | Should -Be 'report-1.txt'
            "$warned" | Should -BeLike '*report.txt already exists*report-1.txt*'
            $replaced = $Uploaded | Save-GradioFile -Path $folder -Force -WarningVariable quiet
            $replaced.Name | Should -Be 'report.txt'
            Get-Content -Raw (Join-Path $folder 'report.txt') | Should -Be 'report body'
            $quiet.Count | Should -Be 0
        }

        It 'saves nothing with -WhatIf' {
            $folder = Join-Path $Work 'whatif'
            $Uploaded | Save-GradioFile -Path $folder -WhatIf
            Test-Path $folder | Should -BeFalse
        }

        It 'takes -LiteralPath as written' {
            $folder = Join-Path $Work 'out[1]'
            $saved = $Uploaded | Save-GradioFile -LiteralPath $folder
            $saved.FullName | Should -Be (Join-Path $folder 'report.txt')
        }

        It 'reports a folder it cannot create (under a file) as a file error, not as something not found' {
            $file = Join-Path $Work 'plain.txt'
            Set-Content $file 'x'
            $caught = $null
            try { $Uploaded | Save-GradioFile -Path (Join-Path $file 'sub/') } catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -BeLike 'GradioFileError,*'
            $caught.CategoryInfo.Category | Should -Be 'WriteError'
        }
    }

    It 'refuses a file as -DownloadPath' {
        $file = Join-Path $Work 'not-a-folder.txt'
        Set-Content $file 'x'
        { New-GradioSession $Fake.Url -DownloadPath $file -ErrorAction Stop } | Should -Throw '*must be a folder*'
        @(Get-GradioSession).Count | Should -Be 0
    }
}

Describe 'Objects and views' {
    BeforeAll {
        $env:HF_INFERENCE_ENDPOINT = $HubServer.Url + 'v1'
        $env:HF_TOKEN = 'hf_alicetoken000000000000000000000000'
    }
    AfterAll { $env:HF_INFERENCE_ENDPOINT = $null; $env:HF_TOKEN = $null }

    It 'gives Hub dates as [DateTime]' {
        $model = Find-HuggingFaceModel -Limit 1
        $model.createdAt | Should -BeOfType [DateTime]
        $full = Get-HfModel $model.id
        $full.lastModified | Should -BeOfType [DateTime]
        $full.lastModified -lt (Get-Date 2100-01-01) | Should -BeTrue
        (Get-HfSpace owner/demo -NoGradioSession).createdAt | Should -BeOfType [DateTime]
    }

    It 'fills every column of the model listing view' {
        $table = Find-HuggingFaceModel -Limit 3 | Format-Table | Out-String -Width 300
        $header = ($table -split "`n" | Where-Object { $_ -match '^id\s' })
        $header | Should -BeLike '*createdAt*'
        $rows = @($table -split "`n" | Where-Object { $_ -match '^\S+/\S+\s' })
        $rows.Count | Should -Be 3
        $rows | ForEach-Object { $_ | Should -Match '\d{1,2}:\d{2}' }   # the date column is not blank
    }

    It 'shows the stage of Spaces in an author listing' {
        $spaces = @(Get-HfSpace -Author owner)
        ($spaces | Where-Object id -eq 'owner/sleepy').runtime.stage | Should -Be 'SLEEPING'
        $table = $spaces | Format-Table | Out-String -Width 300
        $table | Should -BeLike '*owner/sleepy*SLEEPING*'
    }

    It 'shows the answer text of a chat completion' {
        $view = Invoke-HfInference some/model 'view me' | Out-String
        $view | Should -BeLike '*answer*Echo: view me*'
    }

    It 'hints at what brings a Space up, by its stage, and says a docker Space is not Gradio' {
        $null = Get-HfSpace owner/broken -WarningVariable crashed -WarningAction SilentlyContinue
        "$crashed" | Should -BeLike '*RUNTIME_ERROR*Restart-HuggingFaceSpace owner/broken*'
        "$crashed" | Should -Not -BeLike '*Start-HuggingFaceSpace owner/broken wakes*'
        $null = Get-HfSpace owner/paused -WarningVariable paused -WarningAction SilentlyContinue
        "$paused" | Should -BeLike '*PAUSED*Restart-HuggingFaceSpace owner/paused*'
        { Connect-HfSpaceGradio fabrikam/docker-app } | Should -Throw -ErrorId 'GradioNotGradio*' -ExpectedMessage '*docker Space, not a Gradio Space*'
    }

    It 'makes the lifecycle cmdlets alike: nothing by default, the Space with -PassThru' {
        Suspend-HfSpace owner/demo -Confirm:$false | Should -BeNullOrEmpty
        Restart-HfSpace owner/demo -Confirm:$false | Should -BeNullOrEmpty
        $space = Restart-HfSpace owner/demo -Wait -PassThru -Confirm:$false
        $space.runtime.stage | Should -Be 'RUNNING'
        $space.PSTypeNames | Should -Contain 'PowershAI.HuggingFace.HuggingFaceSpace'
        $space.GradioSession.Name | Should -Be 'Space:owner/demo'
        $paused = Suspend-HfSpace owner/demo -PassThru -Confirm:$false
        $paused.runtime.stage | Should -Be 'PAUSED'
        Restart-HfSpace owner/demo -Wait -Confirm:$false
    }

    It 'warns once, not twice over, when a wait runs out' {
        Restart-HfSpace owner/demo -Confirm:$false
        $null = Wait-HfSpace owner/demo -TimeoutSec 1 -NoStatus -WarningVariable late -WarningAction SilentlyContinue
        $late.Count | Should -Be 1
        ([regex]::Matches("$late", 'not running after')).Count | Should -Be 1
        Wait-HfSpace owner/demo -TimeoutSec 60 -NoStatus | Should -BeTrue
    }

    It 'regenerates functions in place instead of adding a module each time' {
        Get-GradioSession | Remove-GradioSession
        $null = New-GradioSession $Fake.Url -Name regen
        function Count-RegenModules { @(Get-Module 'GradioApi.*' | Where-Object { $_.ExportedFunctions.Keys -like 'Invoke-Regen*' }).Count }
        1..3 | ForEach-Object { $null = New-GradioSessionApiProxyFunction -ApiName predict -Prefix Invoke-Regen }
        Count-RegenModules | Should -Be 1
        $null = New-GradioSessionApiProxyFunction -ApiName file_size -Prefix Invoke-Regen
        Count-RegenModules | Should -Be 2   # another function: its own module, the first one still in use
        (Invoke-RegenPredict -Num1 2 -Operation add -Num2 5 | Select-Object -Last 1).data | Should -Be 7
        Remove-GradioSessionApiProxyFunction 'Invoke-Regen*'
        $null = New-GradioSessionApiProxyFunction -ApiName predict -Prefix Invoke-Regen
        Count-RegenModules | Should -Be 1   # modules left with no function are gone
        Remove-GradioSessionApiProxyFunction 'Invoke-Regen*'
        Get-GradioSession | Remove-GradioSession
    }

    It 'generates, replaces and removes functions whatever the caller named New-Module, Import-Module, Get-Module, Remove-Module or Remove-Item' {
        Get-GradioSession | Remove-GradioSession
        $null = New-GradioSession $Fake.Url -Name shadowed
        $names = 'New-Module', 'Import-Module', 'Get-Module', 'Remove-Module', 'Remove-Item'
        try {
            foreach ($name in $names) { Set-Item "function:global:$name" { throw "the caller's $($MyInvocation.MyCommand.Name) ran" } }
            $first = New-GradioSessionApiProxyFunction -ApiName predict -Prefix Invoke-Shadowed
            $null = New-GradioSessionApiProxyFunction -ApiName predict -Prefix Invoke-Shadowed   # replaces the first generation's module
            (Invoke-ShadowedPredict -Num1 2 -Operation add -Num2 5 | Select-Object -Last 1).data | Should -Be 7
            Remove-GradioSessionApiProxyFunction 'Invoke-Shadowed*'
            Test-Path function:Invoke-ShadowedPredict | Should -BeFalse
        } finally {
            foreach ($name in $names) { Microsoft.PowerShell.Management\Remove-Item "function:$name" -ErrorAction SilentlyContinue }
        }
        @(Get-Module 'GradioApi.*' | Where-Object Name -eq $first.ModuleName).Count | Should -Be 0   # the replaced generation is gone
        Get-GradioSession | Remove-GradioSession
    }

    It 'completes -Sort, -Expand and -Filter of the Find cmdlets' {
        function Complete([string] $line) { (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText }
        Complete 'Find-HuggingFaceModel -Sort lik' | Should -Be 'likes', 'likes30d'
        Complete 'Find-HuggingFaceModel -Expand pipeline' | Should -Be 'pipeline_tag'
        Complete 'Find-HuggingFaceDataset -Expand paper' | Should -Be 'paperswithcode_id'
        Complete 'Find-HuggingFaceModel -Filter text-to-' | Should -Contain 'text-to-image'
    }

    It 'completes call ids of Update-GradioSessionApiResult -Id and Remove-GradioSessionApi -Target' {
        Get-GradioSession | Remove-GradioSession
        $null = New-GradioSession $Fake.Url -Name ids
        $call = Invoke-GradioSessionApi predict @(1, 'add', 2)
        $null = $call | Update-GradioSessionApiResult
        $line = 'Update-GradioSessionApiResult -Session ids -Id '
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain "'$($call.Id)'"
        $line = 'Remove-GradioSessionApi -Target '
        $targets = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
        $targets | Should -Contain 'clean'
        $targets | Should -Contain "'$($call.Id)'"
        Get-GradioSession | Remove-GradioSession
    }

    It 'answers to the whole Hf alias set and to the corrected and -TimeoutSec names' {
        foreach ($alias in 'Find-HfModel', 'Find-HfDataset', 'Start-HfSpace', 'Restart-HfSpace', 'Suspend-HfSpace', 'Copy-HfSpace',
                'Set-HfSpaceHardware', 'Set-HfSpaceSecret', 'Remove-HfSpaceSecret', 'Get-HfSpaceVariable', 'Set-HfSpaceVariable', 'Remove-HfSpaceVariable') {
            (Get-Alias $alias).ResolvedCommandName | Should -Be ($alias -replace '-Hf', '-HuggingFace')
        }
        (Find-HfModel -Limit 1).id | Should -Not -BeNullOrEmpty
        (Get-Command Remove-GradioSessionApi).Parameters.Elegible.Aliases | Should -Contain 'Eligible'
        foreach ($name in 'Wait-HuggingFaceSpace', 'Start-HuggingFaceSpace', 'Restart-HuggingFaceSpace') {
            (Get-Command $name).Parameters.TimeoutSec.Aliases | Should -Contain 'Timeout'
        }
        Wait-HfSpace owner/demo -TimeoutSec 30 -NoStatus | Should -BeTrue
    }
}

Describe 'Coexistence with PowershAI scripts' {
    BeforeEach { Get-GradioSession | Remove-GradioSession }

    It 'limits redirects with Invoke-GradioHttp -MaxRedirects' {
        $url = "$($Fake.Url)gradio_api/file=$($Fake.Url)config"
        (Invoke-GradioHttp $url).version | Should -Not -BeNullOrEmpty
        $err = { Invoke-GradioHttp $url -MaxRedirects 0 } | Should -Throw -ErrorId 'GradioHttpError*' -PassThru
        $err.Exception.Message | Should -BeLike "*302*redirects to $($Fake.Url)config*"
        (Invoke-GradioHttp $url -MaxRedirects 1).version | Should -Not -BeNullOrEmpty
    }

    It 'carries PowershAI''s type names on sessions, calls and their events' {
        $session = New-GradioSession $Fake.Url
        $session.PSTypeNames | Should -Contain 'PowershaiType:GradioSession'
        (Get-GradioSession .).PSTypeNames | Should -Contain 'PowershaiType:GradioSession'
        $session.PSTypeNames[0] | Should -Be 'PowershAI.HuggingFace.Objects.GradioSession'   # the view still follows the .NET type
        $call = Send-GradioApi $Fake.Url predict @(1, 'add', 2)
        $call.PSTypeNames | Should -Contain 'PowershaiType:GradioApiEvent'
        $events = @($call | Update-GradioApiResult)
        $events[-1].PSTypeNames | Should -Contain 'PowershaiType:GradioApiEventResult'
        $events[-1].data | Should -Be 3
        # Results take the name from their type adapter: same view, same properties as the .NET type.
        $events[-1].PSTypeNames[0] | Should -Be 'PowershAI.HuggingFace.Objects.GradioApiEventResult'
        ($events[-1] | Get-Member -MemberType Property).Definition | Should -Be @(
            'System.Object Data {get;}', 'string Event {get;}', 'int Num {get;}', 'System.Object[] Pipeline {get;set;}', 'datetime Ts {get;}')
        $events[-1].Pipeline = @($call)
        $events[-1].Pipeline.Count | Should -Be 1
        { $events[-1].Num = 9 } | Should -Throw
        $kept = Send-GradioApi $Fake.Url predict @(1, 'add', 2)
        $kept | Update-GradioApiResult -History -NoOutput
        $kept.Events[-1].PSTypeNames | Should -Contain 'PowershaiType:GradioApiEventResult'
    }

    It 'removes nothing when Remove-GradioSession has no argument' {
        $null = New-GradioSession $Fake.Url -Name keep
        Remove-GradioSession
        (Get-GradioSession).Name | Should -Be 'keep'
    }

    It 'refuses an empty session name rather than remove the default session' {
        $null = New-GradioSession $Fake.Url -Name keep
        $empty = ''
        { Remove-GradioSession $empty } | Should -Throw -ErrorId 'GradioInvalidArguments,PowershAI.HuggingFace.Cmdlets.RemoveGradioSessionCommand'
        { Remove-GradioSession ' ' } | Should -Throw -ErrorId 'GradioInvalidArguments,PowershAI.HuggingFace.Cmdlets.RemoveGradioSessionCommand'
        (Get-GradioSession).Name | Should -Be 'keep'
        Remove-GradioSession .
        Get-GradioSession | Should -BeNullOrEmpty
    }

    It 'lists what changes for PowershAI scripts in the about topic' {
        $about = Get-Content -Raw (Join-Path (Split-Path $Manifest) 'en-US/about_PowershAI_HuggingFace.help.txt')
        $section = ($about -split 'Coming from PowershAI')[1]
        $section | Should -Not -BeNullOrEmpty
        foreach ($item in 'PowershAI.HuggingFace\New-GradioSession', 'Remove-Module powershai', 'GradioAppError',
                          'Remove-GradioSession', 'PowershaiType:GradioApiEventResult', '-MaxRedirects') {
            $section | Should -BeLike "*$item*"
        }
    }

    It 'warns once at import when PowershAI is already loaded, naming how to call ours' {
        $pwsh = Get-TestPwsh   # the same PowerShell as this one
        $script = "New-Module -Name PowershAI -ScriptBlock { function New-GradioSession { 'theirs' }; function Get-GradioSession { 'theirs' } } | Import-Module; " +
                  "Import-Module '$Manifest'; Get-GradioEndpoint -AppUrl '$($Fake.Url)' -ApiName predict | Out-Null; New-GradioSession x"
        $output = (& $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1 | Out-String)
        $output | Should -BeLike '*PowershAI is loaded*Get-GradioSession, New-GradioSession*PowershAI.HuggingFace\Get-GradioSession*'
        ([regex]::Matches($output, 'PowershAI is loaded')).Count | Should -Be 1
        $output | Should -BeLike '*theirs*'
    }

    It 'warns at the first cmdlet run when PowershAI is imported after this module' {
        $ps = [PowerShell]::Create()
        try {
            $null = $ps.AddScript({
                param($Manifest, $Url)
                Import-Module $Manifest
                New-Module -Name PowershAI -ScriptBlock { function New-GradioSession { 'theirs' } } | Import-Module
                Get-GradioEndpoint -AppUrl $Url -ApiName predict | Out-Null
                Get-GradioEndpoint -AppUrl $Url -ApiName predict | Out-Null
            }).AddArgument($Manifest).AddArgument($Fake.Url)
            $null = $ps.Invoke()
            $warnings = @($ps.Streams.Warning)
            $warnings.Count | Should -Be 1
            "$($warnings[0])" | Should -BeLike '*New-GradioSession*PowershAI.HuggingFace\New-GradioSession*Remove-Module powershai*'
        } finally { $ps.Dispose() }
    }
}
