# CareerBot in a container: the bot, its careers page, and a prebuilt index and intent model.
#
#   docker build -t careerbot .
#   docker run -d --name careerbot -p 8080:8080 --read-only --tmpfs /tmp \
#     -v careerbot-data:/data -e MicrosoftAppId -e MicrosoftAppPassword -e MicrosoftAppTenantId \
#     -e MicrosoftAppType careerbot
#
# Only /data (index, model, feedback and turn databases) is written; the rest of the file system
# can be read-only. A new named volume starts with the index and model built here.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Node.js and npm fetch the Web Chat browser bundle during the build (src/Bot/WebChat);
# the running bot serves that bundle itself and needs neither.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# The bot is published for the image's platform, so that it is compiled ahead of time
# (ReadyToRun, set in the project for a publish with a runtime): it starts faster. BuildKit names
# the platform in TARGETARCH; the classic builder leaves it empty, which is amd64.
ARG TARGETARCH
RUN case "${TARGETARCH:-amd64}" in \
        amd64) echo linux-x64 ;; \
        arm64) echo linux-arm64 ;; \
        *) echo "no .NET runtime for platform $TARGETARCH" >&2; exit 1 ;; \
    esac > /rid

# Restore on its own layer, so a code change does not download the packages again. The runtime is
# set as a property: `restore -r` does not set RuntimeIdentifier, so the project would not ask for
# ReadyToRun and the compiler package would be missing at publish (NETSDK1094).
COPY Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/Knowledge/CareerBot.Knowledge.csproj src/Knowledge/
COPY src/Bot/CareerBot.Bot.csproj src/Bot/
RUN dotnet restore src/Bot/CareerBot.Bot.csproj -p:RuntimeIdentifier="$(cat /rid)"

COPY src/ src/
COPY knowledge-base/ knowledge-base/
RUN dotnet publish src/Bot/CareerBot.Bot.csproj -c Release --no-restore -r "$(cat /rid)" --self-contained false \
        -o /app -p:UseAppHost=false \
    && cp -r knowledge-base /app/knowledge-base

# Build the index and train the classifier now, so a new container answers at once. The bot
# checks them against the knowledge base by content hash at start and keeps them.
WORKDIR /app
ENV Knowledge__DataPath=/data
RUN dotnet CareerBot.Bot.dll index && dotnet CareerBot.Bot.dll train

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
# Application files stay owned by root (read-only to the bot); the data folder is the bot's.
COPY --from=build /app ./
COPY --from=build --chown=app:app /data /data

# The bot listens on the Bot Framework's port 3978 unless told otherwise; the image default
# ASPNETCORE_HTTP_PORTS is cleared so it does not compete with ASPNETCORE_URLS.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    Knowledge__DataPath=/data
EXPOSE 8080
VOLUME ["/data"]

# The non-root user of the .NET images (uid 1654).
USER $APP_UID

# The aspnet image has no curl or wget: bash's /dev/tcp sends the request instead.
# /healthz answers 200 once the knowledge is loaded, 503 before.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3 && read -r -t 4 status <&3 && [[ $status == *" 200 "* ]]'

# Arguments after the image name go to the executable: `docker run --rm careerbot ask "Do I need a PhD?"`.
ENTRYPOINT ["dotnet", "CareerBot.Bot.dll"]
