# Repo files end to end: Get-HuggingFaceRepoFile and Save-HuggingFaceFile against the project's Hub
# emulator, whose LFS files redirect to a CDN on another host name (localhost vs 127.0.0.1) that
# refuses any Authorization header, so every LFS download here also shows the token stayed home.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'RealGradio.psm1') -Force
    Import-Module (Get-TestModuleManifest) -Force
    # No session token or Space hosts left by other test files: the token here is HF_TOKEN's.
    [PowershAI.HuggingFace.ModuleState]::Reset()
    $script:Saved = Clear-HubEnvironment
    $script:Root = Join-Path ([IO.Path]::GetTempPath()) "phf-hubfiles-$PID"
    $env:HF_HOME = Join-Path $Root 'home'
    # alice's token: sent to the Hub, and the CDN would refuse the download if it ever got it.
    $env:HF_TOKEN = 'hf_alicetoken000000000000000000000000'
    $script:HubServer = Start-FakeHub
    $env:HF_ENDPOINT = $HubServer.Url.TrimEnd('/')
    $script:Sha = (Get-HuggingFaceDataset acme/imdb-mini).sha
    $script:Parquet = 'data/train-00000-of-00001.parquet'
    $script:ParquetSha = (Get-HfRepoFile acme/imdb-mini data -RepoType Dataset | Where-Object Path -eq $Parquet).Sha256

    function New-Cache { param([string] $Name) $path = Join-Path $Root $Name; $null = New-Item -ItemType Directory -Force $path; $path }
    # Every line a command wrote to the verbose and debug streams.
    function Get-StreamText($Records) { ($Records | ForEach-Object { "$_" }) -join "`n" }
}

AfterAll {
    Stop-RealGradio $HubServer
    Restore-HubEnvironment $Saved
    Remove-Item -Recurse -Force $Root -ErrorAction SilentlyContinue
}

Describe 'Listing repo files' {
    It 'lists one level with folders, or every file with -Recurse, with LFS details' {
        $top = @(Get-HfRepoFile acme/imdb-mini -RepoType Dataset)
        $top.Path | Should -Be @('.gitattributes', 'README.md', 'data')
        ($top | Where-Object Path -eq data).Type | Should -Be 'directory'

        $all = @(Get-HuggingFaceRepoFile acme/imdb-mini -RepoType Dataset -Recurse)
        $all.Path | Should -Not -Contain 'data'
        $parquet = $all | Where-Object Path -eq $Parquet
        $parquet.Lfs | Should -BeTrue
        $parquet.Sha256 | Should -Match '^[0-9a-f]{64}$'
        $parquet.Size | Should -Be 3000
    }
}

Describe 'Downloading into the cache' {
    It 'puts a snapshot in huggingface_hub''s layout, then a second run downloads nothing' {
        $cache = New-Cache snapshot
        $files = @(Save-HuggingFaceFile acme/imdb-mini -RepoType Dataset -CacheDir $cache)
        $files.Count | Should -Be 4
        $files[0] | Should -BeOfType [System.IO.FileInfo]
        $files[0].PSPath | Should -Not -BeNullOrEmpty
        $folder = Join-Path $cache 'datasets--acme--imdb-mini'
        Get-Content -Raw (Join-Path $folder 'refs/main') | Should -Be $Sha
        $pointer = Join-Path $folder "snapshots/$Sha/data/train-00000-of-00001.parquet"
        $files.FullName | Should -Contain $pointer
        (Get-Item $pointer).LinkTarget | Should -Be "../../../blobs/$ParquetSha"
        (Get-FileHash $pointer -Algorithm SHA256).Hash | Should -Be $ParquetSha.ToUpperInvariant()

        $verbose = Save-HfFile acme/imdb-mini -RepoType Dataset -CacheDir $cache -Verbose 4>&1
        @($verbose | Where-Object { $_ -is [System.IO.FileInfo] }).FullName | Should -Be $files.FullName
        $requests = @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^(GET|HEAD) \S+$' })
        $requests.Message | Where-Object { $_ -match '/resolve/|localhost' } | Should -BeNullOrEmpty
    }

    It 'uses a cache written in huggingface_hub''s layout as it is' {
        $cache = New-Cache handmade
        $commit = (Get-HfModel acme/tiny-gpt).sha
        $blobId = (Get-HfRepoFile acme/tiny-gpt | Where-Object Path -eq config.json).BlobId
        $folder = Join-Path $cache 'models--acme--tiny-gpt'
        $null = New-Item -ItemType Directory "$folder/blobs", "$folder/snapshots/$commit", "$folder/refs"
        Invoke-WebRequest "$env:HF_ENDPOINT/acme/tiny-gpt/resolve/main/config.json" -OutFile "$folder/blobs/$blobId"
        $null = New-Item -ItemType SymbolicLink -Path "$folder/snapshots/$commit/config.json" -Target "../../blobs/$blobId"
        Set-Content -NoNewline -LiteralPath "$folder/refs/main" -Value $commit

        $verbose = Save-HfFile acme/tiny-gpt config.json -CacheDir $cache -Verbose 4>&1
        $file = $verbose | Where-Object { $_ -is [System.IO.FileInfo] }
        $file.FullName | Should -Be "$folder/snapshots/$commit/config.json"
        @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^GET ' }) | Should -BeNullOrEmpty

        # At a commit the cache has, the Hub is not even asked: an unreachable endpoint does not matter.
        $endpoint = $env:HF_ENDPOINT
        try {
            $env:HF_ENDPOINT = 'http://127.0.0.1:9'
            (Save-HfFile acme/tiny-gpt config.json -Revision $commit -CacheDir $cache).FullName | Should -Be $file.FullName
            # Offline, main is read from the hand-written refs/main.
            $env:HF_HUB_OFFLINE = '1'
            (Save-HfFile acme/tiny-gpt config.json -CacheDir $cache).FullName | Should -Be $file.FullName
        } finally {
            $env:HF_ENDPOINT = $endpoint
            $env:HF_HUB_OFFLINE = $null
        }
    }

    It 'resumes an interrupted download from its .incomplete file' {
        $whole = Save-HfFile acme/imdb-mini $Parquet -RepoType Dataset -CacheDir (New-Cache whole)
        $cache = New-Cache resumed
        $blobs = Join-Path $cache 'datasets--acme--imdb-mini/blobs'
        $null = New-Item -ItemType Directory $blobs
        $bytes = [IO.File]::ReadAllBytes($whole.FullName)
        [IO.File]::WriteAllBytes("$blobs/$ParquetSha.incomplete", $bytes[0..999])

        $DebugPreference = 'Continue'   # the debug lines show the request headers
        $out = Save-HfFile acme/imdb-mini $Parquet -RepoType Dataset -CacheDir $cache 5>&1
        $file = $out | Where-Object { $_ -is [System.IO.FileInfo] }
        (Get-FileHash $file.FullName).Hash | Should -Be (Get-FileHash $whole.FullName).Hash
        @($out | Where-Object { $_ -is [System.Management.Automation.DebugRecord] -and $_.Message -match 'request Range: bytes=1000-' }).Count | Should -Be 1
        Test-Path "$blobs/$ParquetSha.incomplete" | Should -BeFalse
    }

    It 'refuses a download whose sha256 is wrong, and caches nothing' {
        $cache = New-Cache corrupted
        $blobs = Join-Path $cache 'datasets--acme--imdb-mini/blobs'
        $null = New-Item -ItemType Directory $blobs
        [IO.File]::WriteAllBytes("$blobs/$ParquetSha.incomplete", [byte[]]::new(1000))

        { Save-HfFile acme/imdb-mini $Parquet -RepoType Dataset -CacheDir $cache } |
            Should -Throw -ErrorId 'HuggingFaceIntegrityCheckFailed,PowershAI.HuggingFace.Cmdlets.Hub.SaveHuggingFaceFileCommand'
        @(Get-ChildItem $blobs) | Should -BeNullOrEmpty
        Test-Path (Join-Path $cache 'datasets--acme--imdb-mini/snapshots') | Should -BeFalse

        (Get-FileHash (Save-HfFile acme/imdb-mini $Parquet -RepoType Dataset -CacheDir $cache).FullName -Algorithm SHA256).Hash | Should -Be $ParquetSha.ToUpperInvariant()
    }

    It 'serves from the cache only when HF_HUB_OFFLINE is set' {
        $cache = New-Cache offline
        $null = Save-HfFile acme/tiny-gpt -Include *.json -CacheDir $cache
        $endpoint = $env:HF_ENDPOINT
        try {
            $env:HF_HUB_OFFLINE = '1'
            $env:HF_ENDPOINT = 'http://127.0.0.1:9'
            (Save-HfFile acme/tiny-gpt config.json -CacheDir $cache).Name | Should -Be 'config.json'
            @(Save-HfFile acme/tiny-gpt -CacheDir $cache).Name | Should -Be @('config.json')
            { Save-HfFile acme/tiny-gpt README.md -CacheDir $cache } |
                Should -Throw -ErrorId 'HuggingFaceOffline,PowershAI.HuggingFace.Cmdlets.Hub.SaveHuggingFaceFileCommand'
        } finally {
            $env:HF_HUB_OFFLINE = $null
            $env:HF_ENDPOINT = $endpoint
        }
    }

    It 'records a missing file in .no_exist, so offline it is reported as not found rather than not cached' {
        $cache = New-Cache noexist
        $commit = (Get-HfModel acme/tiny-gpt).sha
        { Save-HfFile acme/tiny-gpt nested/missing.bin -CacheDir $cache } |
            Should -Throw -ErrorId 'HuggingFaceEntryNotFound,PowershAI.HuggingFace.Cmdlets.Hub.SaveHuggingFaceFileCommand'
        $marker = Join-Path $cache "models--acme--tiny-gpt/.no_exist/$commit/nested/missing.bin"
        Test-Path -LiteralPath $marker -PathType Leaf | Should -BeTrue
        (Get-Item -LiteralPath $marker).Length | Should -Be 0
        Get-Content -Raw (Join-Path $cache 'models--acme--tiny-gpt/refs/main') | Should -Be $commit

        $endpoint = $env:HF_ENDPOINT
        try {
            $env:HF_HUB_OFFLINE = '1'
            $env:HF_ENDPOINT = 'http://127.0.0.1:9'
            { Save-HfFile acme/tiny-gpt nested/missing.bin -CacheDir $cache } |
                Should -Throw -ErrorId 'HuggingFaceEntryNotFound,PowershAI.HuggingFace.Cmdlets.Hub.SaveHuggingFaceFileCommand'
            # A marker written by huggingface_hub is the same empty file, and is honoured as well.
            $null = New-Item -ItemType File -Force (Join-Path $cache "models--acme--tiny-gpt/.no_exist/$commit/written-by-python.txt")
            { Save-HfFile acme/tiny-gpt written-by-python.txt -CacheDir $cache } |
                Should -Throw -ErrorId 'HuggingFaceEntryNotFound,*'
            # A file neither cached nor marked is still "offline, not in the cache".
            { Save-HfFile acme/tiny-gpt never-asked.txt -CacheDir $cache } |
                Should -Throw -ErrorId 'HuggingFaceOffline,*'
        } finally {
            $env:HF_HUB_OFFLINE = $null
            $env:HF_ENDPOINT = $endpoint
        }
    }

    It 'fills a plain folder with -LocalDir, and pipes from Get-HuggingFaceRepoFile' {
        $folder = Join-Path $Root 'plain'
        $files = @(Get-HfRepoFile acme/imdb-mini data -RepoType Dataset | Where-Object Type -eq file | Save-HfFile -LocalDir $folder)
        $files.FullName | Sort-Object | Should -Be @((Join-Path $folder $Parquet), (Join-Path $folder 'data/train.csv'))
        (Get-Content (Join-Path $folder '.cache/huggingface/download/data/train.csv.metadata'))[0] | Should -Be $Sha
    }

    It 'reports a gated repo''s files with their error, one per file' {
        $errors = $null
        $null = Save-HfFile contoso/gated-llm -CacheDir (New-Cache gated) -Token 'hf_readonly00000000000000000000000000' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -BeGreaterThan 1
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'HuggingFaceGatedRepo,*' }
    }
}

Describe 'Creating and deleting repos' {
    It 'creates a private dataset and a Space, and deletes them after -WhatIf changed nothing' {
        $data = New-HuggingFaceRepo alice/pester-data -RepoType Dataset -Private -Confirm:$false
        $data.name | Should -Be 'alice/pester-data'
        $data.url | Should -BeLike '*/datasets/alice/pester-data'
        (Get-HfDataset alice/pester-data).private | Should -BeTrue
        $space = New-HfRepo alice/pester-app -RepoType Space -SpaceSdk gradio
        (Get-HfSpace alice/pester-app -NoGradioSession).sdk | Should -Be 'gradio'

        Remove-HfRepo alice/pester-data -RepoType Dataset -WhatIf
        (Get-HfDataset alice/pester-data).id | Should -Be 'alice/pester-data'

        Remove-HuggingFaceRepo alice/pester-data -RepoType Dataset -Confirm:$false
        $space | Remove-HfRepo -Confirm:$false   # Repo and RepoType bind by name
        { Get-HfDataset alice/pester-data } | Should -Throw -ErrorId 'HuggingFaceRepoNotFound,*'
        { Get-HfSpace alice/pester-app -NoGradioSession } | Should -Throw -ErrorId 'HuggingFaceRepoNotFound,*'
    }

    It 'refuses an existing repo, a Space without an SDK, and a missing repo, each with its error' {
        { New-HfRepo acme/tiny-gpt } | Should -Throw -ErrorId 'HuggingFaceConflict,PowershAI.HuggingFace.Cmdlets.Hub.NewHuggingFaceRepoCommand'
        { New-HfRepo alice/no-sdk -RepoType Space } | Should -Throw -ErrorId 'HuggingFaceInvalidArgument,*'
        { Remove-HfRepo alice/never-made -Confirm:$false } | Should -Throw -ErrorId 'HuggingFaceRepoNotFound,*'
    }
}

Describe 'Uploading files' {
    It 'uploads a folder with one large file through LFS in one commit, and a second upload sends nothing' {
        $folder = Join-Path $Root 'upload'
        $null = New-Item -ItemType Directory -Force "$folder/weights"
        Set-Content "$folder/config.json" '{"hidden_size": 64}'
        $weights = [byte[]]::new(30000); (New-Object Random 7).NextBytes($weights)
        [IO.File]::WriteAllBytes("$folder/weights/model.safetensors", $weights)
        $null = New-HfRepo alice/pester-upload

        $first = Send-HuggingFaceFile alice/pester-upload $folder -Message 'Add a model' -Confirm:$false -Verbose 4>&1
        $result = $first | Where-Object { $_ -is [PowershAI.HuggingFace.Core.Hub.HubCommitResult] }
        $result.CommitOid | Should -Match '^[0-9a-f]{40}$'
        $result.Sent | Should -Be @('config.json', 'weights/model.safetensors')
        # The LFS content went to the storage host (the CDN, localhost), which refuses any token.
        @($first | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match "^PUT $([regex]::Escape($HubServer.Cdn))\S+$" }).Count | Should -Be 1

        $listed = @(Get-HfRepoFile alice/pester-upload -Recurse)
        ($listed | Where-Object Path -eq 'weights/model.safetensors').Lfs | Should -BeTrue
        $copy = Save-HfFile alice/pester-upload weights/model.safetensors -CacheDir (New-Cache uploaded)
        (Get-FileHash $copy.FullName).Hash | Should -Be (Get-FileHash "$folder/weights/model.safetensors").Hash

        $second = Send-HfFile alice/pester-upload $folder -Confirm:$false -Verbose 4>&1
        $again = $second | Where-Object { $_ -is [PowershAI.HuggingFace.Core.Hub.HubCommitResult] }
        $again.CommitOid | Should -BeNullOrEmpty
        $again.Unchanged.Count | Should -Be 2
        @($second | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^(PUT|POST) \S+$' }).Message |
            Should -Be @("POST $env:HF_ENDPOINT/api/models/alice/pester-upload/preupload/main")
        Remove-HfRepo alice/pester-upload -Confirm:$false
    }

    It 'sends a file above the multipart threshold in parts to the storage host, without the token, then completes it' {
        # The emulator asks for parts of 4096 bytes for anything above 10000; each part is checked
        # for its length, the completion for every part's number and ETag, the whole for its sha256.
        $null = Invoke-RestMethod -Method Post -Uri "$env:HF_ENDPOINT/__fakehub/multipart?threshold=10000&chunk=4096"
        try {
            $folder = Join-Path $Root 'multipart'
            $null = New-Item -ItemType Directory -Force $folder
            $weights = [byte[]]::new(30000); (New-Object Random 11).NextBytes($weights)
            [IO.File]::WriteAllBytes("$folder/big.safetensors", $weights)
            $null = New-HfRepo alice/pester-multipart

            $DebugPreference = 'Continue'
            $out = Send-HfFile alice/pester-multipart "$folder/big.safetensors" -Confirm:$false -Verbose 4>&1 5>&1
            $result = $out | Where-Object { $_ -is [PowershAI.HuggingFace.Core.Hub.HubCommitResult] }
            $result.Sent | Should -Be @('big.safetensors')
            $puts = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^PUT (\S+)$' } | ForEach-Object { $Matches[1] })
            $puts.Count | Should -Be 8
            $puts | ForEach-Object { $_ | Should -BeLike "$($HubServer.Cdn.TrimEnd('/'))/multipart/*" }
            @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^POST \S+/api/complete_multipart\?\S*$' }).Count | Should -Be 1
            (Get-StreamText $out) | Should -Not -Match 'hf_alicetoken'

            $copy = Save-HfFile alice/pester-multipart big.safetensors -CacheDir (New-Cache multipart)
            (Get-FileHash $copy.FullName).Hash | Should -Be (Get-FileHash "$folder/big.safetensors").Hash
        } finally {
            $null = Invoke-RestMethod -Method Post -Uri "$env:HF_ENDPOINT/__fakehub/multipart?threshold=0"
            Remove-HfRepo alice/pester-multipart -Confirm:$false -ErrorAction SilentlyContinue
        }
    }

    It 'needs a write token' {
        Set-Content (Join-Path $Root 'x.txt') 'x'
        { Send-HfFile acme/tiny-gpt (Join-Path $Root 'x.txt') -Token 'hf_readonly00000000000000000000000000' -Confirm:$false } |
            Should -Throw -ErrorId 'HuggingFaceForbidden,PowershAI.HuggingFace.Cmdlets.Hub.SendHuggingFaceFileCommand'
    }
}
