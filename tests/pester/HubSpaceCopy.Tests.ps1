# Duplicating a Space and setting its hardware, secrets and variables, end to end against the
# project's Hub emulator. What the emulator holds is read through its control route
# (POST /__fakehub/space?space=ID), so the tests see what was sent without the module showing it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    [PowershAI.HuggingFace.ModuleState]::Reset()
    $script:Saved = Clear-HubEnvironment
    $script:Root = Join-Path ([IO.Path]::GetTempPath()) "phf-spacecopy-$PID"
    $env:HF_HOME = Join-Path $Root 'home'
    $script:AliceToken = 'hf_alicetoken000000000000000000000000'
    $env:HF_TOKEN = $AliceToken
    $script:HubServer = Start-FakeHub
    $env:HF_ENDPOINT = $HubServer.Url.TrimEnd('/')

    function Get-FakeSpace([string] $Id) {
        Invoke-RestMethod -Method Post -Uri "$env:HF_ENDPOINT/__fakehub/space?space=$([uri]::EscapeDataString($Id))"
    }
    # Every line a command wrote to the verbose, debug and error streams, and its errors' text.
    function Get-StreamText($Records) {
        ($Records | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); $_.Exception.Message } else { "$_" }
        }) -join "`n"
    }
}

AfterAll {
    Stop-RealGradio $HubServer
    Restore-HubEnvironment $Saved
    Remove-Item -Recurse -Force $Root -ErrorAction SilentlyContinue
}

Describe 'Duplicating a Space' {
    It 'sends nothing under -WhatIf' {
        $before = (Invoke-RestMethod "$env:HF_ENDPOINT/api/spaces?author=alice").Count
        $out = Copy-HuggingFaceSpace owner/demo -Private -Secret @{ API_KEY = 'whatif-secret-value' } -WhatIf -Verbose 4>&1
        @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^(GET|POST) ' }) | Should -BeNullOrEmpty
        (Invoke-RestMethod "$env:HF_ENDPOINT/api/spaces?author=alice").Count | Should -Be $before
        { Get-HfSpace alice/demo -NoGradioSession } | Should -Throw -ErrorId 'HuggingFaceRepoNotFound,*'
    }

    It 'copies to the account under the same name with hardware, secrets and variables, waits and passes the Space through, and never shows the token or a secret' {
        $secret = ConvertTo-SecureString 'second-secret-value' -AsPlainText -Force
        $DebugPreference = 'Continue'
        $out = Copy-HfSpace owner/demo -Private -Hardware t4-small -Storage small -SleepTimeSec 3600 `
            -Secret @{ API_KEY = 'plain-secret-value'; OTHER_KEY = $secret } -Variable @{ MODE = 'fast' } `
            -Wait -PassThru -Confirm:$false -Verbose 4>&1 5>&1
        $space = $out | Where-Object { $_.PSObject.TypeNames -contains 'PowershAI.HuggingFace.HuggingFaceSpace' }
        $space.id | Should -Be 'alice/demo'
        $space.runtime.stage | Should -Be 'RUNNING'
        @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -eq "POST $env:HF_ENDPOINT/api/spaces/owner/demo/duplicate" }).Count | Should -Be 1

        $held = Get-FakeSpace alice/demo
        $held.private | Should -BeTrue
        $held.hardware | Should -Be 't4-small'
        $held.storage | Should -Be 'small'
        $held.sleepTimeSeconds | Should -Be 3600
        $held.secrets.API_KEY | Should -Be 'plain-secret-value'
        $held.secrets.OTHER_KEY | Should -Be 'second-secret-value'
        $held.variables.MODE | Should -Be 'fast'

        $text = Get-StreamText $out
        $text | Should -Not -Match 'plain-secret-value|second-secret-value'
        $text | Should -Not -Match $AliceToken
    }

    It 'fails with HuggingFaceConflict when the copy exists, and takes it as it is with -UseExisting' {
        { Copy-HfSpace owner/demo -Confirm:$false } | Should -Throw -ErrorId 'HuggingFaceConflict,PowershAI.HuggingFace.Cmdlets.Hub.CopyHuggingFaceSpaceCommand'
        $existing = Copy-HfSpace owner/demo alice/demo -UseExisting -PassThru -Confirm:$false
        $existing.id | Should -Be 'alice/demo'
        (Get-FakeSpace alice/demo).hardware | Should -Be 't4-small'
    }

    It 'refuses another account''s namespace and an unknown hardware flavor' {
        { Copy-HfSpace owner/demo contoso/demo -Confirm:$false } | Should -Throw -ErrorId 'HuggingFaceForbidden,*'
        { Copy-HfSpace owner/demo alice/odd -Hardware quantum-xl -Confirm:$false } | Should -Throw -ErrorId 'HuggingFaceBadRequest,*'
    }

    It 'completes hardware flavors' {
        $line = 'Copy-HfSpace owner/demo -Hardware t4'
        $names = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
        $names | Should -Be @('t4-small', 't4-medium')
    }
}

Describe 'Hardware, secrets and variables of a Space' {
    BeforeAll {
        $null = Copy-HfSpace owner/demo alice/settings -UseExisting -Confirm:$false
    }

    It 'requests hardware, and changes nothing under -WhatIf' {
        Set-HuggingFaceSpaceHardware alice/settings a10g-small -WhatIf
        (Get-FakeSpace alice/settings).hardware | Should -Be 'cpu-basic'
        $space = Set-HfSpaceHardware alice/settings a10g-small -SleepTimeSec 600 -PassThru -Confirm:$false
        $space.runtime.hardware.requested | Should -Be 'a10g-small'
        (Get-FakeSpace alice/settings).sleepTimeSeconds | Should -Be 600
    }

    It 'sets and removes a secret, whose value never shows, even in an error' {
        Set-HfSpaceSecret alice/settings DB_PASSWORD 'whatif-password-1' -WhatIf
        @((Get-FakeSpace alice/settings).secrets.PSObject.Properties | ForEach-Object Name) | Should -Not -Contain 'DB_PASSWORD'

        $DebugPreference = 'Continue'
        $out = Set-HuggingFaceSpaceSecret alice/settings DB_PASSWORD 'correct-horse-battery' -Description 'the db' -Confirm:$false -Verbose 4>&1 5>&1
        (Get-FakeSpace alice/settings).secrets.DB_PASSWORD | Should -Be 'correct-horse-battery'
        $failed = $null
        try { Set-HfSpaceSecret alice/settings DB_PASSWORD 'correct-horse-battery' -Token 'hf_readonly00000000000000000000000000' -Confirm:$false -Verbose 4>&1 5>&1 | Out-Null }
        catch { $failed = $_ }
        $failed.FullyQualifiedErrorId | Should -BeLike 'HuggingFaceForbidden,*'
        $text = Get-StreamText (@($out) + $failed)
        $text | Should -Not -Match 'correct-horse-battery'
        $text | Should -Not -Match $AliceToken

        Remove-HfSpaceSecret alice/settings DB_PASSWORD -Confirm:$false
        @((Get-FakeSpace alice/settings).secrets.PSObject.Properties | ForEach-Object Name) | Should -Not -Contain 'DB_PASSWORD'
        Remove-HuggingFaceSpaceSecret alice/settings NEVER_SET -Confirm:$false   # a missing key is no error, as on the Hub
    }

    It 'lists, sets and removes variables' {
        Set-HfSpaceVariable alice/settings MODEL_ID acme/tiny-gpt -Description 'the model' -Confirm:$false
        $all = Set-HuggingFaceSpaceVariable alice/settings MODE fast -PassThru -Confirm:$false
        $all.Name | Should -Be @('MODE', 'MODEL_ID')

        $model = Get-HuggingFaceSpaceVariable alice/settings MODEL*
        $model.Name | Should -Be 'MODEL_ID'
        $model.Value | Should -Be 'acme/tiny-gpt'
        $model.Description | Should -Be 'the model'
        $model.UpdatedAt | Should -BeOfType [datetime]
        $model.Space | Should -Be 'alice/settings'
        ($model | Out-String) | Should -Match 'Name\s+Value\s+Description\s+UpdatedAt'   # a table view

        Remove-HfSpaceVariable alice/settings MODE -WhatIf
        @(Get-HfSpaceVariable alice/settings).Count | Should -Be 2
        Remove-HuggingFaceSpaceVariable alice/settings MODE -Confirm:$false
        (Get-HfSpaceVariable alice/settings).Name | Should -Be 'MODEL_ID'
    }

    It 'needs the owner''s write token' {
        { Get-HfSpaceVariable owner/demo -Token 'hf_readonly00000000000000000000000000' } | Should -Throw -ErrorId 'HuggingFaceForbidden,*'
    }
}
