// CareerBot on Azure: a Linux App Service running the published bot (.NET 10), an Azure Bot
// registration pointing at it with the Teams, Web Chat, Direct Line and (optionally) Slack
// channels, and a storage account whose blob container holds conversation state (and, with more
// than one instance, whose tables hold feedback votes and turn records).
// Usage: README.md, "Deploy to Azure".

@description('Name of the web app (https://<name>.azurewebsites.net) and the Azure Bot; also the prefix of the other resources.')
@minLength(2)
@maxLength(40)
param name string

param location string = resourceGroup().location

@description('The bot\'s Microsoft Entra app (client) id.')
param msaAppId string

@secure()
@description('A client secret of that app.')
param msaAppPassword string

@description('SingleTenant for new bots (Azure no longer creates multi-tenant ones); MultiTenant for an existing multi-tenant app.')
@allowed([
  'SingleTenant'
  'MultiTenant'
])
param msaAppType string = 'SingleTenant'

@description('The app\'s tenant, used with SingleTenant.')
param msaAppTenantId string = tenant().tenantId

@description('App Service plan size: B1 or larger (Always On and the health check need a paid tier).')
param planSku string = 'B1'

@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Instances of the web app. Above 1 the bot keeps feedback and turn records in the storage account\'s tables and the careers page must use Azure\'s Direct Line (give directLineAzureSecret): the bot refuses to start otherwise. B1 allows up to 3 instances.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@secure()
@description('Optional: the Direct Line secret of this Azure Bot, to have the careers page use Azure\'s Direct Line. Empty: the bot\'s embedded Direct Line channel.')
param directLineAzureSecret string = ''

@description('Optional: a Slack app\'s client id. Empty leaves the Slack channel off.')
param slackClientId string = ''

@secure()
param slackClientSecret string = ''

@secure()
param slackSigningSecret string = ''

@secure()
param slackVerificationToken string = ''

param aspnetcoreEnvironment string = 'Production'

var stateContainerName = 'careerbot-state'
var turnsTableName = 'careerbotturns'
var feedbackTableName = 'careerbotfeedback'
var scaledOut = instanceCount > 1
var storageName = take('${toLower(replace(name, '-', ''))}${uniqueString(resourceGroup().id)}', 24)

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource stateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: stateContainerName
}

// Feedback votes and turn records, shared by the instances (only when there is more than one).
resource tables 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = if (scaledOut) {
  parent: storage
  name: 'default'
}

resource turnsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = if (scaledOut) {
  parent: tables
  name: turnsTableName
}

resource feedbackTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = if (scaledOut) {
  parent: tables
  name: feedbackTableName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // With several instances nothing needs a visitor pinned to one: state is in blobs, records in tables,
    // and Azure's Direct Line posts each activity to whichever instance. One instance keeps the default.
    clientAffinityEnabled: !scaledOut
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet CareerBot.Bot.dll'
      alwaysOn: true
      webSocketsEnabled: true // the embedded Direct Line channel streams over WebSocket
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'ASPNETCORE_ENVIRONMENT'
          value: aspnetcoreEnvironment
        }
        {
          name: 'MicrosoftAppId'
          value: msaAppId
        }
        {
          name: 'MicrosoftAppPassword'
          value: msaAppPassword
        }
        {
          name: 'MicrosoftAppType'
          value: msaAppType
        }
        {
          name: 'MicrosoftAppTenantId'
          value: msaAppType == 'SingleTenant' ? msaAppTenantId : ''
        }
        {
          name: 'State__BlobConnectionString'
          value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
        }
        {
          name: 'State__BlobContainer'
          value: stateContainer.name
        }
        {
          name: 'DirectLine__AzureSecret'
          value: directLineAzureSecret
        }
        {
          name: 'Hosting__Instances'
          value: string(instanceCount)
        }
        {
          // Empty with one instance: the SQLite files in the data folder.
          name: 'Operations__TablesConnectionString'
          value: scaledOut ? 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}' : ''
        }
        {
          name: 'Operations__TurnsTable'
          value: turnsTableName
        }
        {
          name: 'Operations__FeedbackTable'
          value: feedbackTableName
        }
        {
          // /home survives restarts and redeployments; the index and model are rebuilt there when missing.
          name: 'Knowledge__DataPath'
          value: '/home/data'
        }
        {
          name: 'Transcripts__Enabled'
          value: 'false'
        }
      ]
    }
  }
}

var messagingEndpoint = 'https://${site.properties.defaultHostName}/api/messages'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: name
    endpoint: messagingEndpoint
    msaAppId: msaAppId
    msaAppType: msaAppType
    msaAppTenantId: msaAppType == 'SingleTenant' ? msaAppTenantId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
          isWebchatPreviewEnabled: false
        }
      ]
    }
  }
}

resource slack 'Microsoft.BotService/botServices/channels@2022-09-15' = if (!empty(slackClientId)) {
  parent: bot
  name: 'SlackChannel'
  location: 'global'
  properties: {
    channelName: 'SlackChannel'
    properties: {
      isEnabled: true
      clientId: slackClientId
      clientSecret: slackClientSecret
      signingSecret: slackSigningSecret
      verificationToken: slackVerificationToken
      landingPageUrl: 'https://${site.properties.defaultHostName}/'
      registerBeforeOAuthFlow: true
    }
  }
}

output siteUrl string = 'https://${site.properties.defaultHostName}/'
output messagingEndpoint string = messagingEndpoint
output botName string = bot.name
