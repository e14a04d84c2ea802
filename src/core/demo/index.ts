export * from './build-demo'
export * from './demo-format'
export * from './demo-towns'
export * from './random'
