// Log Analytics + workspace-based Application Insights. Local (instrumentation key) auth is off, so the app
// sends telemetry with its managed identity and needs Monitoring Metrics Publisher on the component.

param logAnalyticsName string
param appInsightsName string
param location string
param tags object

@description('Principal (the app\'s user-assigned identity) allowed to publish telemetry.')
param principalId string

@description('Resource id of that identity: seeds the role assignment names, which must be known before deployment (what-if).')
param principalResourceId string

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    DisableLocalAuth: true
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalResourceId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

output appInsightsName string = appInsights.name
output connectionString string = appInsights.properties.ConnectionString
