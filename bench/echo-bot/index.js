// Minimal echo bot on the official Bot Framework JavaScript SDK, shaped like the SDK's
// 02.echo-bot sample (restify + CloudAdapter), used as the baseline in bench/load.sh.
// No app id: ConfigurationBotFrameworkAuthentication with an empty MicrosoftAppId accepts
// unauthenticated requests, as the Emulator uses it. Listens on 127.0.0.1 only.
'use strict';

const restify = require('restify');
const {
    ActivityHandler,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    MessageFactory
} = require('botbuilder');

class EchoBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            const replyText = `Echo: ${ context.activity.text }`;
            await context.sendActivity(MessageFactory.text(replyText, replyText));
            await next();
        });
    }
}

const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant'
});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
    console.error(`[onTurnError] ${ error }`);
    await context.sendActivity('The bot encountered an error.');
};

const bot = new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
});

const host = '127.0.0.1';
const port = Number(process.env.PORT || 3979);
server.listen(port, host, () => {
    console.log(`echo bot listening on http://${ host }:${ port }/api/messages`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
