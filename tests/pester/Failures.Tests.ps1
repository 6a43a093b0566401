#Requires -Version 7.2
# The failure policy (docs/design.md, "Failures") on the built module: the failure of what a
# command is for terminates it (try/catch catches it without -ErrorAction), a bad item among
# several is a non-terminating error, every error is classified, and -Verbose shows each HTTP
# exchange with the secrets masked.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $manifest = Get-TestModuleManifest
    Import-Module $manifest -Force
    $script:Saved = Clear-HubEnvironment
    $script:HfHome = Join-Path ([IO.Path]::GetTempPath()) "phf-failures-$PID"
    $env:HF_HOME = $HfHome
    $script:Gradio = if ($HaveRealGradio) { Start-RealGradio -App simple-app.py -Version 5.14.0 } else { Start-FakeGradio -Profile v5 -App simple }
    $script:HubServer = Start-FakeHub -Space "owner/demo=$($Gradio.Url)"
    $env:HF_ENDPOINT = $HubServer.Url.TrimEnd('/')
    # Nothing listens on port 9 (discard) on loopback: a refused connection at once.
    $script:Nowhere = 'http://127.0.0.1:9/'
    $env:HF_INFERENCE_ENDPOINT = $Nowhere + 'v1'
    [PowershAI.HuggingFace.ModuleState]::Reset()
}

AfterAll {
    [PowershAI.HuggingFace.ModuleState]::Reset()
    Stop-RealGradio $HubServer
    Stop-RealGradio $Gradio
    Restore-HubEnvironment $Saved
    Remove-Item -Recurse -Force $HfHome -ErrorAction SilentlyContinue
}

Describe 'try/catch catches the failure of what a command is for' {
    It 'an unreachable app' {
        $caught = $null
        try { New-GradioSession $Nowhere } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'GradioUnreachable,*'
        $caught.CategoryInfo.Category | Should -Be 'ConnectionError'
        $caught.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'an unknown endpoint' {
        $caught = $null
        try { Send-GradioApi $Gradio.Url NoSuchEndpoint @() } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'GradioApiNotFound,*'
    }

    It 'a URL that is not a Gradio app' {
        $caught = $null
        try { Get-GradioInfo $HubServer.Url } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'GradioNotGradio,*'
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'whoami without a token' {
        $caught = $null
        try { Get-HuggingFaceWhoami } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'HuggingFaceAuthenticationRequired,*'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }
}

Describe 'a bad item among several' {
    It 'is a non-terminating InvalidArgument error and the other items are read' {
        $err = $null
        $spaces = @('owner/demo', 'bad id!', 'owner/sleepy' | Get-HuggingFaceSpace -NoGradioSession -ErrorVariable err -ErrorAction SilentlyContinue)
        $spaces.id | Should -Be @('owner/demo', 'owner/sleepy')
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'HuggingFaceInvalidArgument,*'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be 'bad id!'
    }

    It 'is reported for an app URL piped in, and the URLs after it are read (<_>)' -ForEach 'Get-GradioInfo', 'New-GradioSession' {
        $err = $null
        $out = @($Gradio.Url, $Nowhere, $Gradio.Url | & $_ -Force -ErrorVariable err -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 2
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'GradioUnreachable,*'
        "$($err[0].TargetObject)" | Should -BeLike "$Nowhere*"
        Get-GradioSession | Remove-GradioSession
    }
}

Describe 'call records tell how a call ended' {
    BeforeAll {
        $script:Session = New-GradioSession $Gradio.Url -Name records
    }

    AfterAll {
        Remove-GradioSession records
    }

    It 'cancelled, after Select-Object -First stops the read' {
        $call = Invoke-GradioSessionApi Op1 @(30) -Session records
        $first = $call | Update-GradioSessionApiResult -Session records | Select-Object -First 1
        $first.event | Should -Be 'generating'
        $call.Status | Should -Be 'cancelled'
        (Get-GradioSessionApi records | Where-Object Id -eq $call.Id).Status | Should -Be 'cancelled'
    }

    It 'error, with the text in .Error, when the read fails' {
        $call = Invoke-GradioSessionApi Op1 @('not a number') -Session records
        { $call | Update-GradioSessionApiResult -Session records } | Should -Throw -ErrorId 'GradioAppError*'
        $record = Get-GradioSessionApi records | Where-Object Id -eq $call.Id
        $record.Status | Should -Be 'error'
        $record.Error | Should -Not -BeNullOrEmpty
        ($record | Format-Table | Out-String) | Should -BeLike '*error*'
    }
}

Describe '-Verbose and -Debug show each HTTP exchange, never a secret' {
    It 'names the /info request and its status, and masks the token' {
        [PowershAI.HuggingFace.ModuleState]::Reset()
        $secret = 's3cret-token-value-0042'
        $lines = @(New-GradioSession $Gradio.Url -Name verbose -Token $secret -Verbose -Debug 4>&1 5>&1 |
            Where-Object { $_ -is [Management.Automation.InformationalRecord] } | ForEach-Object Message)
        Remove-GradioSession verbose
        $lines | Where-Object { $_ -match '^GET http://127\.0\.0\.1:\d+/(gradio_api/)?info: 200 ' } | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_ -match 'Authorization: \*\*\*' } | Should -Not -BeNullOrEmpty
        $lines | Where-Object { $_ -like "*$secret*" } | Should -BeNullOrEmpty
    }
}

Describe 'every exported cmdlet reports a classified error' {
    BeforeAll {
        $script:Existing = Join-Path $HfHome 'upload.txt'
        New-Item -ItemType Directory -Force $HfHome | Out-Null
        Set-Content $Existing 'x'
        $script:Live = New-GradioSession $Gradio.Url -Name live -Force
        $badToken = 'hf_bad_token_000000000000000000000000'
        $fileOnNowhere = [pscustomobject]@{ path = 'a.txt'; url = $Nowhere + 'file=a.txt'; orig_name = 'a.txt'; meta = @{ _type = 'gradio.FileData' } }
        # One failing call per cmdlet: an unreachable URL, a name that does not exist, or an argument the cmdlet refuses.
        $script:Cases = [ordered]@{
            'Get-GradioInfo'                       = { Get-GradioInfo $Nowhere }
            'Send-GradioApi'                       = { Send-GradioApi $Nowhere Op1 @(1) }
            'Update-GradioApiResult'               = { Send-GradioApi $Gradio.Url Op1 @('not a number') | Update-GradioApiResult }
            'Stop-GradioApi'                       = { Stop-GradioApi 'not a handle' }
            'Send-GradioFile'                      = { Send-GradioFile $Nowhere $Existing }
            'Invoke-GradioHttp'                    = { Invoke-GradioHttp ($Nowhere + 'config') }
            'Save-GradioFile'                      = { Save-GradioFile $fileOnNowhere -Path $HfHome }
            'New-GradioSession'                    = { New-GradioSession $Nowhere }
            'Get-GradioSession'                    = { Get-GradioSession nosuchsession }
            'Set-GradioSession'                    = { Set-GradioSession nosuchsession -Default }
            'Remove-GradioSession'                 = { Remove-GradioSession nosuchsession }
            'Send-GradioSessionFiles'              = { Send-GradioSessionFiles (Join-Path $HfHome 'missing.txt') -Session live }
            'Invoke-GradioSessionApi'              = { Invoke-GradioSessionApi Op1 @(1) -Session nosuchsession }
            'Update-GradioSessionApiResult'        = { Update-GradioSessionApiResult 'no-such-call' -Session live }
            'Get-GradioSessionApi'                 = { Get-GradioSessionApi nosuchsession }
            'Remove-GradioSessionApi'              = { Remove-GradioSessionApi all -Session nosuchsession -Confirm:$false }
            'Get-GradioEndpoint'                   = { Get-GradioEndpoint -AppUrl $Nowhere }
            'Invoke-GradioEndpoint'                = { Invoke-GradioEndpoint NoSuchEndpoint @{} -Session live }
            'New-GradioSessionApiProxyFunction'    = { New-GradioSessionApiProxyFunction -Session nosuchsession }
            'Get-GradioSessionApiProxyFunction'    = { Get-GradioSessionApiProxyFunction nosuchsession }
            'Remove-GradioSessionApiProxyFunction' = { Remove-GradioSessionApiProxyFunction Get-Date }
            'Invoke-HuggingFaceHub'                = { Invoke-HuggingFaceHub models -Token $badToken }
            'Get-HuggingFaceModel'                 = { Get-HuggingFaceModel 'bad id!' }
            'Find-HuggingFaceModel'                = { Find-HuggingFaceModel -Token $badToken }
            'Get-HuggingFaceDataset'               = { Get-HuggingFaceDataset 'bad id!' }
            'Find-HuggingFaceDataset'              = { Find-HuggingFaceDataset -Token $badToken }
            'Get-HuggingFaceWhoami'                = { Get-HuggingFaceWhoami -Token $badToken }
            'Set-HuggingFaceToken'                 = { Set-HuggingFaceToken -Token $badToken }
            'Get-HuggingFaceSpace'                 = { Get-HuggingFaceSpace 'bad id!' }
            'Connect-HuggingFaceSpaceGradio'       = { Connect-HuggingFaceSpaceGradio 'bad id!' }
            'Wait-HuggingFaceSpace'                = { Wait-HuggingFaceSpace 'bad id!' }
            'Start-HuggingFaceSpace'               = { Start-HuggingFaceSpace 'bad id!' -Confirm:$false }
            'Restart-HuggingFaceSpace'             = { Restart-HuggingFaceSpace 'bad id!' -Confirm:$false }
            'Suspend-HuggingFaceSpace'             = { Suspend-HuggingFaceSpace 'bad id!' -Confirm:$false }
            'Invoke-HuggingFaceInferenceApi'       = { Invoke-HuggingFaceInferenceApi some/model 'hello' }
            'Get-HuggingFaceRepoFile'              = { Get-HuggingFaceRepoFile 'bad id!' }
            'Save-HuggingFaceFile'                 = { Save-HuggingFaceFile 'bad id!' config.json -CacheDir $HfHome }
            'New-HuggingFaceRepo'                  = { New-HuggingFaceRepo 'bad id!' -Confirm:$false }
            'Remove-HuggingFaceRepo'               = { Remove-HuggingFaceRepo 'bad id!' -Confirm:$false }
            'Send-HuggingFaceFile'                 = { Send-HuggingFaceFile 'bad id!' $Existing -Confirm:$false }
            'Copy-HuggingFaceSpace'                = { Copy-HuggingFaceSpace 'bad id!' alice/copy -Confirm:$false }
            'Set-HuggingFaceSpaceHardware'         = { Set-HuggingFaceSpaceHardware 'bad id!' t4-small -Confirm:$false }
            'Set-HuggingFaceSpaceSecret'           = { Set-HuggingFaceSpaceSecret 'bad id!' API_KEY 'value' -Confirm:$false }
            'Remove-HuggingFaceSpaceSecret'        = { Remove-HuggingFaceSpaceSecret 'bad id!' API_KEY -Confirm:$false }
            'Get-HuggingFaceSpaceVariable'         = { Get-HuggingFaceSpaceVariable 'bad id!' }
            'Set-HuggingFaceSpaceVariable'         = { Set-HuggingFaceSpaceVariable 'bad id!' MODE fast -Confirm:$false }
            'Remove-HuggingFaceSpaceVariable'      = { Remove-HuggingFaceSpaceVariable 'bad id!' MODE -Confirm:$false }
        }
    }

    AfterAll {
        Remove-GradioSession live
    }

    It 'has a failing case for each exported cmdlet' {
        $exported = (Get-Module PowershAI.HuggingFace).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($Cases.Keys | Sort-Object)
    }

    It '<_> fails with a known id prefix, a real category and a target' -ForEach @(
        'Get-GradioInfo', 'Send-GradioApi', 'Update-GradioApiResult', 'Stop-GradioApi', 'Send-GradioFile', 'Invoke-GradioHttp', 'Save-GradioFile',
        'New-GradioSession', 'Get-GradioSession', 'Set-GradioSession', 'Remove-GradioSession', 'Send-GradioSessionFiles',
        'Invoke-GradioSessionApi', 'Update-GradioSessionApiResult', 'Get-GradioSessionApi', 'Remove-GradioSessionApi',
        'Get-GradioEndpoint', 'Invoke-GradioEndpoint', 'New-GradioSessionApiProxyFunction', 'Get-GradioSessionApiProxyFunction',
        'Remove-GradioSessionApiProxyFunction', 'Invoke-HuggingFaceHub', 'Get-HuggingFaceModel', 'Find-HuggingFaceModel',
        'Get-HuggingFaceDataset', 'Find-HuggingFaceDataset', 'Get-HuggingFaceWhoami', 'Set-HuggingFaceToken', 'Get-HuggingFaceSpace',
        'Connect-HuggingFaceSpaceGradio', 'Wait-HuggingFaceSpace', 'Start-HuggingFaceSpace', 'Restart-HuggingFaceSpace',
        'Suspend-HuggingFaceSpace', 'Invoke-HuggingFaceInferenceApi', 'Get-HuggingFaceRepoFile', 'Save-HuggingFaceFile',
        'New-HuggingFaceRepo', 'Remove-HuggingFaceRepo', 'Send-HuggingFaceFile', 'Copy-HuggingFaceSpace', 'Set-HuggingFaceSpaceHardware',
        'Set-HuggingFaceSpaceSecret', 'Remove-HuggingFaceSpaceSecret', 'Get-HuggingFaceSpaceVariable', 'Set-HuggingFaceSpaceVariable',
        'Remove-HuggingFaceSpaceVariable'
    ) {
        $name = $_
        $caught = $null
        try { & $Cases[$name] | Out-Null } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty -Because "$name should fail"
        $caught.FullyQualifiedErrorId | Should -Match '^(Gradio|HuggingFace)[A-Za-z]+,PowershAI\.HuggingFace\.'
        $caught.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        $caught.TargetObject | Should -Not -BeNullOrEmpty
        $caught.InvocationInfo.MyCommand.Name | Should -Be $name
    }
}
