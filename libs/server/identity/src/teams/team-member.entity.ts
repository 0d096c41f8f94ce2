import { Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('team_members')
@Index('team_members_user_idx', ['userId'])
export class TeamMember {
  @PrimaryColumn('uuid')
  teamId: string;

  @PrimaryColumn('uuid')
  userId: string;
}
