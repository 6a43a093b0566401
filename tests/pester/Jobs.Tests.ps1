# Calls as PowerShell jobs (-AsJob, Stop-Job, Stop-GradioApi) and -Result, on genuine Gradio
# 4.37.2, 5.14.0 and 5.45.0, and the job's progress and information streams on the fake server
# (whose slow_progress sends gr.Info and gr.Warning; the genuine apps send neither).

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    $script:HaveRealGradio = Test-RealGradioAvailable 'Genuine Gradio job tests'
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
}

Describe 'Calls as jobs on Gradio <_> (genuine)' -ForEach @('5.14.0', '4.37.2', '5.45.0') -Skip:(-not $HaveRealGradio) {
    BeforeAll {
        $script:Version = $_
        $script:Simple = Start-RealGradio -App simple-app.py -Version $Version
        $script:Endpoints = Start-RealGradio -App endpoints-app.py -Version $Version
        $script:Work = Join-Path ([IO.Path]::GetTempPath()) "phf-jobs-$Version-$PID"
        $null = New-Item -ItemType Directory -Force $Work
        $null = New-GradioSession $Simple.Url -Name "jsimple-$Version" -DownloadPath $Work
        $null = New-GradioSession $Endpoints.Url -Name "jep-$Version" -DownloadPath $Work
        $null = New-GradioSessionApiProxyFunction -Session "jsimple-$Version" -Prefix JSimple
        $null = New-GradioSessionApiProxyFunction -Session "jep-$Version" -Prefix JEp

        function Assert-Op1Free {
            # Gradio runs one Op1 at a time: were a stopped Op1(60) still running on the server, this
            # Op1(1) would wait for it and meet a heartbeat (every 15 s) before its result.
            $short = Send-GradioApi $Simple.Url Op1 @(1)
            $null = $short | Update-GradioApiResult -MaxHeartBeats 1
            $short.LastQueryStatus | Should -Be 'complete'
        }
    }
    AfterAll {
        Get-Job | Where-Object PSJobTypeName -eq 'GradioCallJob' | Remove-Job -Force
        "jsimple-$Version", "jep-$Version" | ForEach-Object { Remove-GradioSession $_ -ErrorAction SilentlyContinue }
        $Simple, $Endpoints | Where-Object { $_ } | ForEach-Object { Stop-RealGradio $_ }
        Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
    }

    It 'Send-GradioApi -AsJob: a job in the repository; Receive-Job -Wait gives every streamed event, in order' {
        $job = Send-GradioApi $Simple.Url Op1 @(2) -AsJob
        $job | Should -BeOfType [Management.Automation.Job]
        (Get-Job -Id $job.Id).InstanceId | Should -Be $job.InstanceId
        $events = @($job | Receive-Job -Wait -AutoRemoveJob:$false)
        $job.State | Should -Be 'Completed'
        ($events | ForEach-Object { $_.data[0] }) -join ',' | Should -Be 'Dur:2,1,2,Finished,Finished'
        $events.event | Should -Be @('generating', 'generating', 'generating', 'generating', 'complete')
        $events.num -join ',' | Should -Be '1,2,3,4,5'
        # Read once: a second Receive-Job has nothing more.
        @($job | Receive-Job).Count | Should -Be 0
        $job.Call.Status | Should -Be 'complete'
        $job | Remove-Job
    }

    It 'a generated function -AsJob gives the same results as the foreground call' {
        $foreground = @(JSimpleOp1 -Duration 1)
        $job = JSimpleOp1 -Duration 1 -AsJob
        $background = @($job | Wait-Job | Receive-Job)
        ($background | ForEach-Object { "$($_.event):$($_.data[0])" }) -join ',' |
            Should -Be (($foreground | ForEach-Object { "$($_.event):$($_.data[0])" }) -join ',')
        $job | Remove-Job
    }

    It 'Stop-Job during Op1 cancels the call on the server: the job is Stopped' {
        $job = Send-GradioApi $Simple.Url Op1 @(60) -AsJob
        # Wait for the first event, so the job runs on the server when it is stopped.
        $null = Wait-Job $job -Timeout 1
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ($job.Call.LastEventNum -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        $job.Call.LastEventNum | Should -BeGreaterThan 0
        $job | Stop-Job
        $job.State | Should -Be 'Stopped'
        $job.Call.Status | Should -Be 'cancelled'
        Assert-Op1Free
        $job | Remove-Job
    }

    It 'Stop-GradioApi cancels a Send-GradioApi handle on the server' {
        $call = Send-GradioApi $Simple.Url Op1 @(60)
        $first = $call | Update-GradioApiResult -MaxHeartBeats 1 | Select-Object -First 1
        $first.data[0] | Should -Be 'Dur:60'
        $call | Stop-GradioApi
        $call.Status | Should -Be 'cancelled'
        Assert-Op1Free
        $warn = $null
        $call | Update-GradioApiResult -WarningVariable warn -WarningAction SilentlyContinue | Should -BeNullOrEmpty
        "$warn" | Should -BeLike '*cancelled*'
    }

    It 'a gr.Error in a job: the job Failed and Receive-Job raises the app''s text' {
        $job = Invoke-GradioSessionApi raise_gr_error @('x') -Session "jep-$Version" -AsJob
        $null = $job | Wait-Job
        $job.State | Should -Be 'Failed'
        { $job | Receive-Job -ErrorAction Stop } | Should -Throw -ExpectedMessage 'custom message' -ErrorId 'GradioAppError*'
        $job | Remove-Job
    }

    It '20 jobs at once on one session: each gets its own result' {
        $jobs = @(1..20 | ForEach-Object { JEpAddNumbers -A $_ -B 1000 -Result -AsJob })
        $results = @($jobs | ForEach-Object { $_ | Receive-Job -Wait })
        $jobs.State | Select-Object -Unique | Should -Be 'Completed'
        $results -join ',' | Should -Be ((1001..1020) -join ',')
        $jobs | Remove-Job
    }

    It '-Result on a single-output endpoint: the value itself' {
        Invoke-GradioSessionApi add_numbers 2, 3 -Session "jep-$Version" -Result | Should -Be 5
        JEpAddNumbers -A 4 -B 5 -Result | Should -Be 9
        # A generator's result is its last value.
        JSimpleOp1 -Duration 0 -Result | Should -Be 'Finished'
    }

    It '-Result on a multi-output endpoint: one object keyed by output label, in order' {
        $r = Invoke-GradioSessionApi typed_inputs @{ text = 'abc' } -Session "jep-$Version" -Result
        @($r).Count | Should -Be 1
        $r.PSObject.Properties.Name -join '|' | Should -Be 'Summary|Number plus slider|JSON'
        $r.Summary | Should -BeLike "text='abc'*"
        $r.'Number plus slider' | Should -Be 7
        $r.JSON.upper | Should -Be 'ABC'
        (JEpTypedInputs -Text abc -Result).JSON.upper | Should -Be 'ABC'
    }

    It '-Result downloads a file output' {
        $file = JEpMakeFile -Text 'job file' -Result -AsJob | Receive-Job -Wait -AutoRemoveJob
        $file | Should -BeOfType [IO.FileInfo]
        Get-Content -Raw $file.FullName | Should -BeLike '*job file*'
    }
}

Describe 'a job''s progress, information and warning streams (fake server)' {
    BeforeAll {
        $script:Fake = Start-FakeGradio -Profile v5 -App full
    }
    AfterAll {
        if ($Fake) { Stop-RealGradio $Fake }
    }

    It 'gr.Progress, gr.Info and gr.Warning reach the job''s streams' {
        $job = Send-GradioApi $Fake.Url slow_progress @(4) -AsJob
        $result = $job | Wait-Job | Receive-Job -Keep -InformationVariable info -WarningVariable warn -WarningAction SilentlyContinue -InformationAction SilentlyContinue
        $result.data[0] | Should -Be 'done'
        "$info" | Should -BeLike '*halfway*'
        "$warn" | Should -BeLike '*almost done*'
        @($job.Progress | Where-Object StatusDescription -eq 'working').Count | Should -BeGreaterThan 0
        # -Keep kept the results for a second read.
        ($job | Receive-Job -InformationAction SilentlyContinue -WarningAction SilentlyContinue).data[0] | Should -Be 'done'
        $job | Remove-Job
    }
}
