# The Hub cmdlets end to end, with HF_ENDPOINT pointing at the project's Hub emulator whose
# Space owner/demo is served by a genuine Gradio (simple-app.py, 5.14.0).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $manifest = Get-TestModuleManifest
    Import-Module $manifest -Force
    $script:Alice = 'hf_alicetoken000000000000000000000000'
    $script:Saved = Clear-HubEnvironment
    # No token anywhere: the token file goes to an empty temp folder.
    $script:HfHome = Join-Path ([IO.Path]::GetTempPath()) "phf-hfhome-$PID"
    $env:HF_HOME = $HfHome
    $script:Gradio = if ($HaveRealGradio) { Start-RealGradio -App simple-app.py -Version 5.14.0 } else { Start-FakeGradio -Profile v5 -App simple }
    $script:HubServer = Start-FakeHub -Space "owner/demo=$($Gradio.Url)"
    $env:HF_ENDPOINT = $HubServer.Url.TrimEnd('/')
    $env:HF_INFERENCE_ENDPOINT = $HubServer.Url + 'v1'
}

AfterAll {
    Get-GradioSessionApiProxyFunction '*' | Remove-GradioSessionApiProxyFunction
    Get-GradioSession | Remove-GradioSession
    Stop-RealGradio $HubServer
    Stop-RealGradio $Gradio
    Restore-HubEnvironment $Saved
    Remove-Item -Recurse -Force $HfHome -ErrorAction SilentlyContinue
}

Describe 'Hub listings and info' {
    It 'searches models, a page at a time, and stops when the pipeline has enough' {
        $models = @(Find-HuggingFaceModel -Limit 0 | Select-Object -First 12)
        $models.Count | Should -Be 12
        ($models.id | Select-Object -Unique).Count | Should -Be 12
        $models[0].PSObject.TypeNames | Should -Contain 'PowershAI.HuggingFace.HuggingFaceModel'
        $models[0].PSObject.TypeNames | Should -Contain 'PowershaiType:HuggingFaceModel'
    }

    It 'gives objects that behave as the PSCustomObjects they were: fields read, set, converted, serialized, read from other runspaces' {
        $models = @(Find-HuggingFaceModel -Limit 3)
        $names = $models[0].PSObject.Properties.Name
        $names | Should -Contain 'id'
        "$($models[0])" | Should -BeLike "@{*id=$($models[0].id);*}"
        ($models[0] | Select-Object * | ConvertTo-Json -Compress | ConvertFrom-Json).PSObject.Properties.Name | Should -Be $names
        $models[0].likes = 123456
        $models[0].likes | Should -Be 123456
        $models[0] | ConvertTo-Json -Compress | Should -BeLike '*"likes":123456*'
        ($models[0] | Get-Member -MemberType Properties).Name | Should -Contain 'id'
        ($models[0] | Select-Object * -ExcludeProperty likes).PSObject.Properties.Name | Should -Be @($names | Where-Object { $_ -ne 'likes' })
        $models[0] | Add-Member -NotePropertyName extra -NotePropertyValue 1
        $models[0].PSObject.Properties.Remove('extra')
        $models[0].PSObject.Properties.Name | Should -Not -Contain 'extra'
        # As documented (about_PowershAI_HuggingFace, Coming from PowershAI): a field the Hub sent stays.
        $models[0].PSObject.Properties.Remove('id')
        $models[0].id | Should -Not -BeNullOrEmpty
        # ForEach-Object -Parallel runs where the module never ran; fields are still read and set by name.
        @($models | ForEach-Object -Parallel { $_.id }) | Should -Be $models.id
        $models[1] | ForEach-Object -Parallel { $_.likes = -1 }
        $models[1].likes | Should -Be -1
        $path = Join-Path ([IO.Path]::GetTempPath()) "phf-hubitem-$PID.xml"
        try {
            $models[2] | Export-Clixml $path
            $back = Import-Clixml $path
            $back.id | Should -Be $models[2].id
            $back.createdAt | Should -BeOfType [DateTime]
            $back.PSTypeNames | Should -Contain 'Deserialized.PowershAI.HuggingFace.HuggingFaceModel'
        } finally { Remove-Item $path -ErrorAction SilentlyContinue }
        Set-StrictMode -Version Latest
        { $models[0].notAField } | Should -Throw '*notAField*cannot be found*'
    }

    It 'gives each listed item the fields the Hub sent for it, in its order, whatever the shape of the items before it' {
        $raw = @{}
        Invoke-HfHub models -RawParams @{ full = 'true' } | ForEach-Object { $raw[$_.id] = $_ }
        $listed = @(Find-HuggingFaceModel -Limit 0 -Full)
        $listed.Count | Should -Be $raw.Count
        @($listed | ForEach-Object { $_.PSObject.Properties.Name -join ',' } | Select-Object -Unique).Count | Should -BeGreaterThan 1
        foreach ($model in $listed) {
            ($model.PSObject.Properties.Name -join ',') | Should -Be ($raw[$model.id].PSObject.Properties.Name -join ',')
            $model.likes | Should -Be $raw[$model.id].likes
        }
    }

    It 'filters by author and reads one model in full' {
        $theirs = @(Find-HuggingFaceModel -Author contoso)
        $theirs.Count | Should -BeGreaterThan 0
        $theirs.id | ForEach-Object { $_ | Should -BeLike 'contoso/*' }
        (Get-HfModel $theirs[0].id).id | Should -Be $theirs[0].id
    }

    It 'lists and reads datasets' {
        $first = Find-HuggingFaceDataset | Select-Object -First 1
        (Get-HuggingFaceDataset $first.id).id | Should -Be $first.id
    }

    It 'calls any API route with Invoke-HuggingFaceHub, and pipes listings back into Get-HfSpace' {
        $spaces = @(Invoke-HfHub spaces -Author owner -RawParams @{ limit = 2 })
        $spaces.Count | Should -BeGreaterThan 2   # pages of 2, all followed
        @(Invoke-HfHub spaces -Author owner -Limit 2).Count | Should -Be 2   # -Limit caps
        $one = Get-HfSpace -Author owner | Select-Object -First 1 | Get-HfSpace -NoGradioSession
        $one.id | Should -BeLike 'owner/*'
    }

    It 'says RepoNotFound for a missing repo, with a stable id' {
        $err = { Get-HfModel nobody/nothing } | Should -Throw -ErrorId 'HuggingFaceRepoNotFound*' -PassThru
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Tokens' {
    It 'refuses a bad token with a clear error and keeps no token' {
        { Set-HfToken 'hf_not_a_real_token' -ErrorAction Stop } | Should -Throw -ErrorId 'HuggingFaceInvalidToken*'
        $err = { Get-HfMe } | Should -Throw -PassThru
        $err.Exception.Message | Should -Not -BeLike '*hf_not_a_real_token*'
    }

    It 'checks a good token, uses it, and never shows it' {
        $me = Set-HfToken $Alice -PassThru
        $me.name | Should -Be 'alice'
        $view = Get-HfMe
        $view.TokenSource | Should -BeLike '*Set-HuggingFaceToken*'
        ($view | Format-List * | Out-String) | Should -Not -BeLike "*$Alice*"
        ($view | ConvertTo-Json -Depth 10) | Should -Not -BeLike "*$Alice*"
    }

    It 'writes the token file readable by the user only with -Persist' {
        Set-HfToken $Alice -Persist
        $file = Join-Path $HfHome 'token'
        Get-Content $file | Should -Be $Alice
        if (-not $IsWindows) { ((Get-Item $file).UnixFileMode -band 0x3F) | Should -Be 0 }
    }
}

Describe 'Spaces' {
    BeforeAll { Set-HfToken $Alice }

    It 'opens the Gradio session of a running Gradio Space, and its generated function runs on genuine Gradio' {
        $space = Get-HfSpace owner/demo
        $space.PSObject.TypeNames | Should -Contain 'PowershAI.HuggingFace.HuggingFaceSpace'
        $space.GradioSession.Name | Should -Be 'Space:owner/demo'
        $space.control.GradioSession | Should -Be 'Space:owner/demo'
        $null = New-GradioSessionApiProxyFunction -Session $space
        $data = @(Invoke-GradioApiOp1 -Duration 2 | ForEach-Object { $_.data[0] })
        $data -join ',' | Should -Be 'Dur:2,1,2,Finished,Finished'
    }

    It 'connects the session to the host the Hub reported, not a guessed one' {
        $session = Get-GradioSession 'Space:owner/demo'
        $session.AppUrl | Should -Be $Gradio.Url
        (Invoke-GradioSessionApi Op1 @(1) -Session $session | Update-GradioSessionApiResult | Select-Object -Last 1).data[0] | Should -Be 'Finished'
    }

    It 'opens no session for a sleeping Space and says why' {
        $warn = $null
        $space = Get-HfSpace owner/sleepy -WarningVariable warn -WarningAction SilentlyContinue
        $space.GradioSession | Should -BeNullOrEmpty
        "$warn" | Should -BeLike '*SLEEPING*Start-HuggingFaceSpace*'
    }

    It 'wakes a sleeping Space and waits until it runs' {
        Wait-HfSpace owner/sleepy -Timeout 60 | Should -BeTrue
        (Get-HfSpace owner/sleepy -NoGradioSession).runtime.stage | Should -Be 'RUNNING'
    }

    It 'fails at once, naming the stage, for a broken Space' {
        $err = { Wait-HfSpace owner/broken -Timeout 60 } | Should -Throw -ErrorId 'HuggingFaceSpaceNotRunning*' -PassThru
        $err.Exception.Message | Should -BeLike '*RUNTIME_ERROR*'
    }

    It 'changes nothing with -WhatIf, then pauses and restarts' {
        Suspend-HuggingFaceSpace owner/demo -WhatIf
        (Get-HfSpace owner/demo -NoGradioSession).runtime.stage | Should -Be 'RUNNING'
        Suspend-HuggingFaceSpace owner/demo -Confirm:$false | Should -BeNullOrEmpty
        { Wait-HfSpace owner/demo -Timeout 10 -ErrorAction Stop } | Should -Throw '*PAUSED*'
        Restart-HuggingFaceSpace owner/demo -Wait -Confirm:$false | Should -BeNullOrEmpty
        (Get-HfSpace owner/demo -NoGradioSession).runtime.stage | Should -Be 'RUNNING'
    }
}

Describe 'Inference' {
    It 'streams a chat completion token by token' {
        $tokens = @(Invoke-HfInference some/model 'hello there' -AsChunks)
        $tokens.Count | Should -BeGreaterThan 1
        -join $tokens | Should -Be 'Echo: hello there'
        (Invoke-HfInference some/model 'hello there' -Stream 6>$null).choices[0].message.content | Should -Be 'Echo: hello there'
    }

    It 'returns a whole completion' {
        (Invoke-HfInference some/model @(@{ role = 'user'; content = 'hi' })).choices[0].message.content | Should -Be 'Echo: hi'
    }
}
