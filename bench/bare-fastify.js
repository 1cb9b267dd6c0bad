'use strict';
// The floor for a cache hit (issue 11): a bare Fastify server sending stored bytes and headers, with no policies.
//   node bench/bare-fastify.js <port> <file with {headers, body}>
const { readFileSync } = require('node:fs');
const fastify = require('fastify')();

const [, , portArg, file] = process.argv;
const stored = JSON.parse(readFileSync(file, 'utf8'));
fastify.get('/works/:ref', (request, reply) => {
  reply.headers(stored.headers).send(stored.body);
});
fastify.listen({ port: Number(portArg), host: '127.0.0.1' }).then(() => process.stdout.write('ready\n'));
