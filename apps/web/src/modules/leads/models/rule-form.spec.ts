import { describe, expect, it } from 'vitest';
import { AssignmentStrategy, AssignmentTargetType, CreateAssignmentRuleDto } from '@kehu/contracts';
import { validateDto } from '@/core/forms/validate-dto';
import { emptyRule, reordered, ruleBody } from './rule-form';

const user = '3f0b0a52-2b1c-4c55-9a53-8d3f6b8f2a10';

describe('assignment rule form', () => {
  it('sends only the user for a user rule, team and strategy for a team rule', async () => {
    const create = ruleBody({ ...emptyRule(), name: ' 华东 ', provinces: ['上海市', ' '], targetUserId: user }, false);
    expect(create).toEqual({ name: '华东', active: true, provinces: ['上海市'], cities: [], industries: [], sources: [], targetType: 'user', targetUserId: user });
    expect(await validateDto(CreateAssignmentRuleDto, create)).toEqual({});
    const team = ruleBody({ ...emptyRule(), name: 'T', targetType: AssignmentTargetType.TEAM, targetTeamId: user, strategy: AssignmentStrategy.LEAST_LOADED, maxOpenLeads: 30 }, true);
    expect(team).toMatchObject({ targetUserId: null, targetTeamId: user, strategy: 'least_loaded', maxOpenLeads: 30 });
  });

  it('moves a rule up or down', () => {
    expect(reordered(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(reordered(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(reordered(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});
